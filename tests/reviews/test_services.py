"""Who may ask for a review, what a request needs, and what each move tells whom."""

import pytest
from sqlalchemy import select

from nexus_board.errors import Conflict, Forbidden, Invalid
from nexus_board.extensions import db
from nexus_board.models import Notification, ReviewRequest, ReviewStatus, User
from nexus_board.reviews import lifecycle, queries, services
from nexus_board.reviews.policy import Action

from .factories import FIELDS, ask


def user(name: str) -> User:
    return db.session.scalar(select(User).where(User.username == name))


def heard(name: str) -> list[str]:
    rows = db.session.scalars(select(Notification).where(Notification.user_id == user(name).id))
    return [row.activity.verb for row in rows]


def test_only_backend_learners_and_admins_ask_for_reviews(app, cast):
    with app.app_context():
        with pytest.raises(Forbidden):
            services.request_review(user("hana"), **FIELDS)
        assert services.request_review(user("mentor"), **FIELDS).status is ReviewStatus.OPEN


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", ""),
        ("title", "two\nlines"),
        ("title", "x" * 121),
        ("link", ""),
        ("link", "http://github.com/ada/shop/pull/7"),
        ("link", "javascript:alert(1)"),
        ("link", "https://user:pw@github.com/x"),
        ("link", "https://" + "a" * 500),
        ("focus", ""),
        ("tags", "python, " + ", ".join(f"t{i}" for i in range(7))),
        ("tags", "no spaces allowed"),
    ],
)
def test_a_bad_field_is_named_and_nothing_is_saved(app, cast, field, value):
    with app.app_context():
        with pytest.raises(Invalid) as refused:
            services.request_review(user("ada"), **(FIELDS | {field: value}))
        assert field in refused.value.errors
        db.session.rollback()
        assert db.session.scalar(select(db.func.count()).select_from(ReviewRequest)) == 0


def test_tags_are_lower_case_once_each(app, cast):
    with app.app_context():
        review = services.request_review(
            user("ada"), **(FIELDS | {"tags": "Python, django,python"})
        )
        assert sorted(review.tag_names) == ["django", "python"]


def test_the_lifecycle_tells_the_requester_then_the_reviewer(app, cast):
    with app.app_context():
        review_id = ask(cast["ada"])
        lifecycle.move(review_id, user("brian"), Action.CLAIM)
        lifecycle.move(review_id, user("brian"), Action.FINISH, "Solid. Rename `qs`.")
        db.session.commit()
        assert heard("ada") == ["review.claimed", "review.done"]
        lifecycle.move(review_id, user("ada"), Action.REOPEN, "Look at the tests again?")
        lifecycle.move(review_id, user("brian"), Action.FINISH, "Tests are fine.")
        lifecycle.move(review_id, user("ada"), Action.THANK)
        db.session.commit()
        assert heard("brian") == ["review.reopened", "review.thanked"]
        review = db.session.get(ReviewRequest, review_id)
        assert (review.review, review.follow_up) == ("Tests are fine.", "Look at the tests again?")
        assert review.thanked_at is not None
        with pytest.raises(Conflict, match="already thanked"):
            lifecycle.move(review_id, user("ada"), Action.THANK)


def test_a_review_needs_its_text_and_saves_nothing_without_it(app, cast):
    with app.app_context():
        review_id = ask(cast["ada"], state="in_review", reviewer_id=cast["brian"])
        with pytest.raises(Invalid) as refused:
            lifecycle.move(review_id, user("brian"), Action.FINISH, "  ")
        assert "review" in refused.value.errors
        db.session.rollback()
        assert db.session.get(ReviewRequest, review_id).status is ReviewStatus.IN_REVIEW


def test_the_requester_cannot_claim_their_own(app, cast):
    with app.app_context():
        review_id = ask(cast["ada"])
        with pytest.raises(Forbidden, match="not its requester"):
            lifecycle.move(review_id, user("ada"), Action.CLAIM)


def test_profiles_count_reviews_given_and_received(app, cast):
    with app.app_context():
        ask(cast["ada"], state="done", reviewer_id=cast["brian"])
        ask(cast["ada"], state="in_review", reviewer_id=cast["brian"])
        ask(cast["brian"], state="done", reviewer_id=cast["ada"])
        assert queries.of_learner(user("brian")) == queries.ReviewCounts(given=1, received=1)
        assert queries.of_learner(user("ada")) == queries.ReviewCounts(given=1, received=1)
