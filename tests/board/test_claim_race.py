"""Exactly one claimer under any race: 20 people click "Claim" at the same moment."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from nexus_board.auth import services as accounts
from nexus_board.board import lifecycle
from nexus_board.extensions import db
from nexus_board.models import Contract, ContractStatus, User

from .factories import post

RACERS = 20


def race(app, contract_id: int, user_ids: list[int]) -> list[str]:
    """Each user claims from its own thread and session; returns "won"/"lost" per user.

    Anything other than a refused claim (a lock timeout, an IntegrityError) escapes the
    thread and fails the test.
    """
    start = threading.Barrier(len(user_ids))

    def attempt(user_id: int) -> str:
        with app.app_context():
            start.wait()
            user = db.session.get(User, user_id)
            try:
                lifecycle.claim(contract_id, user)
                db.session.commit()
                return "won"
            except lifecycle.MoveRefused as refused:
                return "lost" if "already holds this contract" in refused.message else "odd"
            finally:
                db.session.remove()

    with ThreadPoolExecutor(max_workers=len(user_ids)) as pool:
        return list(pool.map(attempt, user_ids))


def check_one_winner(app, contract_id, user_ids, outcomes):
    assert sorted(outcomes) == ["lost"] * (RACERS - 1) + ["won"]
    winner = user_ids[outcomes.index("won")]
    with app.app_context():
        contract = db.session.get(Contract, contract_id)
        assert (contract.claimer_id, contract.status) == (winner, ContractStatus.CLAIMED)
        assert contract.seen_version == contract.version == 1
        claimed = select(func.count()).select_from(Contract).where(Contract.claimer_id.isnot(None))
        assert db.session.scalar(claimed) == 1


def author_and_racers(make_user):
    author = make_user("author", track="backend")
    return author, [make_user(f"front{i}", track="frontend") for i in range(RACERS)]


def test_twenty_threads_on_sqlite_one_winner(app, make_user):
    author, racers = author_and_racers(make_user)
    with app.app_context():
        assert db.engine.url.database.endswith(".sqlite3")  # a file, shared by the threads
        contract_id = post(author)
    outcomes = race(app, contract_id, racers)
    check_one_winner(app, contract_id, racers, outcomes)


@pytest.mark.services
def test_twenty_threads_on_postgresql_one_winner(make_app, postgres_database):
    app = make_app(SQLALCHEMY_DATABASE_URI=postgres_database)
    with app.app_context():
        assert db.engine.dialect.name == "postgresql"
        author = accounts.register(
            username="author", display_name="A", password="x" * 12, track="backend"
        ).id
        racers = [
            accounts.register(
                username=f"front{i}", display_name=f"F{i}", password="x" * 12, track="frontend"
            ).id
            for i in range(RACERS)
        ]
        db.session.commit()
        contract_id = post(author)
    outcomes = race(app, contract_id, racers)
    check_one_winner(app, contract_id, racers, outcomes)
