"""Exactly one reviewer under any race: 20 backend learners click "Claim" at the same moment."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from nexus_board.auth import services as accounts
from nexus_board.extensions import db
from nexus_board.models import ReviewRequest, ReviewStatus, User
from nexus_board.reviews import lifecycle
from nexus_board.reviews.policy import Action

from .factories import ask

RACERS = 20


def race(app, review_id: int, user_ids: list[int]) -> list[str]:
    """Each learner claims from its own thread and session: "won" or "lost" per learner."""
    start = threading.Barrier(len(user_ids))

    def attempt(user_id: int) -> str:
        with app.app_context():
            start.wait()
            try:
                lifecycle.move(review_id, db.session.get(User, user_id), Action.CLAIM)
                db.session.commit()
                return "won"
            except lifecycle.MoveRefused as refused:
                return "lost" if "already reviewing this" in refused.message else "odd"
            finally:
                db.session.remove()

    with ThreadPoolExecutor(max_workers=len(user_ids)) as pool:
        return list(pool.map(attempt, user_ids))


def people(app) -> tuple[int, list[int]]:
    with app.app_context():
        made = [
            accounts.register(username=name, display_name=name.title(), password="x" * 12,
                              track="backend").id
            for name in ["asker", *(f"back{i}" for i in range(RACERS))]
        ]  # fmt: skip
        db.session.commit()
        return made[0], made[1:]


def check_one_winner(app, review_id, racers, outcomes):
    assert sorted(outcomes) == ["lost"] * (RACERS - 1) + ["won"]
    with app.app_context():
        review = db.session.get(ReviewRequest, review_id)
        assert review.reviewer_id == racers[outcomes.index("won")]
        assert review.status is ReviewStatus.IN_REVIEW
        held = select(func.count()).where(ReviewRequest.reviewer_id.is_not(None))
        assert db.session.scalar(held) == 1


def test_twenty_threads_on_sqlite_one_reviewer(app):
    asker, racers = people(app)
    with app.app_context():
        assert db.engine.url.database.endswith(".sqlite3")  # a file, shared by the threads
        review_id = ask(asker)
    check_one_winner(app, review_id, racers, race(app, review_id, racers))


@pytest.mark.services
def test_twenty_threads_on_postgresql_one_reviewer(make_app, postgres_database):
    app = make_app(SQLALCHEMY_DATABASE_URI=postgres_database)
    asker, racers = people(app)
    with app.app_context():
        assert db.engine.dialect.name == "postgresql"
        review_id = ask(asker)
    check_one_winner(app, review_id, racers, race(app, review_id, racers))
