"""Who may do what to a review request, in which state: one table, like board/policy.py.

Services, the conditional UPDATE's WHERE clause, templates and a parametrized test read it.
403 means "not for someone in your role"; 409 "not while the request is in this state".
"""

import enum

from ..board.policy import BUSY, NO, OK, Outcome
from ..errors import Conflict, Forbidden
from ..models import ReviewRequest, ReviewStatus, User


class Role(enum.StrEnum):
    """A person's relation to one request (its requester and reviewer first, then admin)."""

    REQUESTER = "requester"
    REVIEWER = "reviewer"
    BACKEND = "backend"  # another backend learner
    FRONTEND = "frontend"
    ADMIN = "admin"  # an admin neither asking nor reviewing


class Action(enum.StrEnum):
    CLAIM = "claim"
    UNCLAIM = "unclaim"
    FINISH = "finish"  # post the review and mark it done
    THANK = "thank"
    REOPEN = "reopen"  # ask again, with a follow-up


OPEN, IN_REVIEW, DONE = ReviewStatus
COLUMNS = (Role.REQUESTER, Role.REVIEWER, Role.BACKEND, Role.FRONTEND, Role.ADMIN)
# None: cannot happen (an open request has no reviewer).
# fmt: off
RULES: dict[tuple[Action, ReviewStatus], tuple[Outcome | None, ...]] = {
    #                            requester reviewer backend frontend admin
    (Action.CLAIM, OPEN):        (NO,       None,    OK,     NO,      OK),
    (Action.CLAIM, IN_REVIEW):   (NO,       BUSY,    BUSY,   NO,      BUSY),
    (Action.CLAIM, DONE):        (NO,       BUSY,    BUSY,   NO,      BUSY),
    (Action.UNCLAIM, OPEN):      (NO,       None,    NO,     NO,      BUSY),
    (Action.UNCLAIM, IN_REVIEW): (NO,       OK,      NO,     NO,      OK),
    (Action.UNCLAIM, DONE):      (NO,       BUSY,    NO,     NO,      BUSY),
    (Action.FINISH, OPEN):       (NO,       None,    NO,     NO,      NO),
    (Action.FINISH, IN_REVIEW):  (NO,       OK,      NO,     NO,      NO),
    (Action.FINISH, DONE):       (NO,       BUSY,    NO,     NO,      NO),
    (Action.THANK, OPEN):        (BUSY,     None,    NO,     NO,      NO),
    (Action.THANK, IN_REVIEW):   (BUSY,     NO,      NO,     NO,      NO),
    (Action.THANK, DONE):        (OK,       NO,      NO,     NO,      NO),
    (Action.REOPEN, OPEN):       (BUSY,     None,    NO,     NO,      NO),
    (Action.REOPEN, IN_REVIEW):  (BUSY,     NO,      NO,     NO,      NO),
    (Action.REOPEN, DONE):       (OK,       NO,      NO,     NO,      NO),
}
# fmt: on

# Where each action takes the request.
TARGETS = {
    Action.CLAIM: IN_REVIEW,
    Action.UNCLAIM: OPEN,
    Action.FINISH: DONE,
    Action.THANK: DONE,
    Action.REOPEN: IN_REVIEW,
}

FORBIDDEN = {
    Action.CLAIM: "Only another backend learner can review this: not its requester.",
    Action.UNCLAIM: "Only its reviewer (or an admin) can give this review back.",
    Action.FINISH: "Only its reviewer can post the review.",
    Action.THANK: "Only the learner who asked for the review can thank for it.",
    Action.REOPEN: "Only the learner who asked for the review can reopen it.",
}
REQUEST_FORBIDDEN = "Only backend learners ask for code reviews here."


def role_of(user: User, review: ReviewRequest) -> Role:
    if review.requester_id == user.id:
        return Role.REQUESTER
    if review.reviewer_id is not None and review.reviewer_id == user.id:
        return Role.REVIEWER
    if user.is_admin:
        return Role.ADMIN
    return Role.BACKEND if user.is_backend else Role.FRONTEND


def decide(user: User, review: ReviewRequest, action: Action) -> Outcome:
    outcome = RULES[action, review.status][COLUMNS.index(role_of(user, review))]
    if outcome is None:
        raise RuntimeError(f"review request {review.id} is {review.status} with a reviewer")
    return outcome


def allowed(user: User | None, review: ReviewRequest) -> set[Action]:
    """The actions `user` may take now (none for visitors): what the page offers."""
    if user is None or not user.is_authenticated:
        return set()
    found = {action for action in Action if decide(user, review, action) is OK}
    if review.thanked_at is not None:
        found.discard(Action.THANK)
    return found


def states_allowing(action: Action) -> list[ReviewStatus]:
    """The states from which someone may take `action` (the UPDATE's WHERE re-checks them)."""
    return [state for (act, state), row in RULES.items() if act is action and OK in row]


def may_request(user: User) -> bool:
    return user.is_backend or user.is_admin


def check(user: User, review: ReviewRequest, action: Action) -> None:
    """Raise Forbidden or Conflict unless the table allows `action`."""
    outcome = decide(user, review, action)
    if outcome is NO:
        raise Forbidden(FORBIDDEN[action])
    if outcome is BUSY:
        raise Conflict(conflict_message(review, action, user))
    if action is Action.THANK and review.thanked_at is not None:
        raise Conflict("You have already thanked for this review.")


def conflict_message(review: ReviewRequest, action: Action, user: User | None = None) -> str:
    reviewer = review.reviewer.display_name if review.reviewer else None
    if action is Action.CLAIM:
        if user is not None and review.reviewer_id == user.id:
            return "You are already reviewing this."
        return f"{reviewer} is already reviewing this."
    if review.status is OPEN:
        return "Nobody is reviewing this yet."
    return f"This review is {review.status.label.lower()}, so it cannot be {_done(action)}."


def _done(action: Action) -> str:
    return {
        Action.UNCLAIM: "given back",
        Action.FINISH: "marked done",
        Action.THANK: "thanked for",
        Action.REOPEN: "reopened",
    }.get(action, f"{action}ed")
