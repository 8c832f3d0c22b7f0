"""Claiming and moving review requests: each is one conditional UPDATE, safe under any race.

As with contracts (board/lifecycle.py): the policy check reads to give a clear 403/409, the
UPDATE re-checks the state in its WHERE clause, and only a row count of 1 means it happened.
"""

from sqlalchemy import update

from ..activity.audience import Audience
from ..activity.events import excerpt, record
from ..activity.verbs import Verb
from ..caching import changed
from ..errors import Conflict, Invalid
from ..extensions import db
from ..limits import MARKDOWN
from ..models import ReviewRequest, User
from ..models.types import utcnow
from ..text import clean_text, length_problem
from . import policy
from .lookup import get_review
from .policy import Action

VERBS = {
    Action.CLAIM: Verb.REVIEW_CLAIMED,
    Action.UNCLAIM: Verb.REVIEW_UNCLAIMED,
    Action.FINISH: Verb.REVIEW_DONE,
    Action.THANK: Verb.REVIEW_THANKED,
    Action.REOPEN: Verb.REVIEW_REOPENED,
}
# The text an action needs: (field, limit, what to say when it is missing).
TEXTS = {
    Action.FINISH: ("review", MARKDOWN["review"], "Write the review first."),
    Action.REOPEN: ("follow_up", MARKDOWN["follow_up"], "Say what to look at again."),
}


HIDDEN = "A moderator hid this review request: it stays as it is until it is shown again."


class MoveRefused(Conflict):
    """A move lost to another person's; `review` is what the request is now."""

    def __init__(self, message: str, review: ReviewRequest):
        super().__init__(message)
        self.review = review


def move(review_id: int, user: User, action: Action, text: str | None = None) -> ReviewRequest:
    """Claim, give back, finish (with the review), thank, or reopen (with a follow-up)."""
    review = get_review(review_id, user)
    if review.hidden_at is not None:
        raise MoveRefused(HIDDEN, review)
    _check(user, review, action)
    values = {"status": policy.TARGETS[action]}
    conditions = [ReviewRequest.status.in_(policy.states_allowing(action)), ReviewRequest.shown()]
    if action is not Action.THANK:
        values["status_changed_at"] = utcnow()
    if action is Action.CLAIM:
        conditions.append(ReviewRequest.reviewer_id.is_(None))
        values["reviewer_id"] = user.id
    else:
        conditions.append(ReviewRequest.reviewer_id == review.reviewer_id)
    if action is Action.UNCLAIM:
        values |= {"reviewer_id": None}
    if action is Action.THANK:
        conditions.append(ReviewRequest.thanked_at.is_(None))
        values["thanked_at"] = utcnow()
    if action is Action.REOPEN:
        values["thanked_at"] = None
    if action in TEXTS:
        values[TEXTS[action][0]] = _text(action, text)
    audience = Audience(author=review.requester_id, claimer=review.reviewer_id)
    if not _update(review_id, conditions, values):
        _refused(review_id, user, action)
    after = get_review(review_id)
    detail = {"excerpt": excerpt(text)} if action in TEXTS else {}
    if action is Action.CLAIM:
        audience = Audience(author=after.requester_id, claimer=after.reviewer_id)
    record(VERBS[action], actor=user, subject=after, audience=audience, detail=detail)
    return after


def _text(action: Action, text: str | None) -> str:
    field, limit, empty = TEXTS[action]
    text = clean_text(text)
    problem = length_problem(text, limit, empty=empty)
    if problem:
        raise Invalid("Nothing was saved.", errors={field: problem})
    return text


def _check(user: User, review: ReviewRequest, action: Action) -> None:
    try:
        policy.check(user, review, action)
    except Conflict as error:
        raise MoveRefused(error.message, review) from None


def _update(review_id: int, conditions: list, values: dict) -> bool:
    result = db.session.execute(
        update(ReviewRequest)
        .where(ReviewRequest.id == review_id, *conditions)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        return False
    changed("reviews")
    return True


def _refused(review_id: int, user: User, action: Action):
    """Someone else's move landed first: end our transaction, then say what happened."""
    db.session.rollback()
    review = get_review(review_id)
    _check(user, review, action)
    raise MoveRefused("This review request changed at the same moment. Please try again.", review)
