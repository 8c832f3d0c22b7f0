"""Who may do what to a contract, in which state: one table, read by services and templates.

403 means "not for someone in your role"; 409 means "not while the contract is in this state".
"""

import enum
import functools

from flask import g
from sqlalchemy import select

from ..errors import Conflict, DomainError, Forbidden, NotFound
from ..extensions import db
from ..models import Contract, ContractStatus, User


class Role(enum.StrEnum):
    """A person's relation to one contract (admin wins, then author, then claimer, then track)."""

    AUTHOR = "author"
    TEAMMATE = "teammate"  # a backend learner who authored another contract of the project
    BACKEND = "backend"  # another backend learner
    CLAIMER = "claimer"
    FRONTEND = "frontend"  # a frontend learner who does not hold it
    ADMIN = "admin"


class Action(enum.StrEnum):
    CLAIM = "claim"
    UNCLAIM = "unclaim"
    START = "start"
    FINISH = "finish"
    REOPEN = "reopen"
    IMPLEMENT = "implement"
    EDIT = "edit"
    REPAIR = "repair"  # edit a contract that needs fixing (its project cannot document it)
    DELETE = "delete"
    # Take it off the board, its mock and its project's document, saying why; and back.
    HIDE = "hide"
    UNHIDE = "unhide"


class Outcome(enum.StrEnum):
    ALLOWED = "allowed"
    FORBIDDEN = "403"
    CONFLICT = "409"


OPEN, CLAIMED, IN_PROGRESS, DONE = ContractStatus
OK, NO, BUSY = Outcome.ALLOWED, Outcome.FORBIDDEN, Outcome.CONFLICT
COLUMNS = (Role.AUTHOR, Role.TEAMMATE, Role.BACKEND, Role.CLAIMER, Role.FRONTEND, Role.ADMIN)
# None: cannot happen (an open contract has no claimer).
# fmt: off
RULES: dict[tuple[Action, ContractStatus], tuple[Outcome | None, ...]] = {
    #                              author  team  backend claimer frontend admin
    (Action.CLAIM, OPEN):          (NO,    NO,   NO,     None,   OK,      OK),
    (Action.CLAIM, CLAIMED):       (NO,    NO,   NO,     BUSY,   BUSY,    BUSY),
    (Action.CLAIM, IN_PROGRESS):   (NO,    NO,   NO,     BUSY,   BUSY,    BUSY),
    (Action.CLAIM, DONE):          (NO,    NO,   NO,     BUSY,   BUSY,    BUSY),
    (Action.UNCLAIM, OPEN):        (NO,    NO,   NO,     None,   NO,      BUSY),
    (Action.UNCLAIM, CLAIMED):     (NO,    NO,   NO,     OK,     NO,      OK),
    (Action.UNCLAIM, IN_PROGRESS): (NO,    NO,   NO,     OK,     NO,      OK),
    (Action.UNCLAIM, DONE):        (NO,    NO,   NO,     OK,     NO,      OK),
    (Action.START, OPEN):          (NO,    NO,   NO,     None,   NO,      BUSY),
    (Action.START, CLAIMED):       (NO,    NO,   NO,     OK,     NO,      OK),
    (Action.START, IN_PROGRESS):   (NO,    NO,   NO,     BUSY,   NO,      BUSY),
    (Action.START, DONE):          (NO,    NO,   NO,     BUSY,   NO,      BUSY),
    (Action.FINISH, OPEN):         (NO,    NO,   NO,     None,   NO,      BUSY),
    (Action.FINISH, CLAIMED):      (NO,    NO,   NO,     BUSY,   NO,      BUSY),
    (Action.FINISH, IN_PROGRESS):  (NO,    NO,   NO,     OK,     NO,      OK),
    (Action.FINISH, DONE):         (NO,    NO,   NO,     BUSY,   NO,      BUSY),
    (Action.REOPEN, OPEN):         (NO,    NO,   NO,     None,   NO,      BUSY),
    (Action.REOPEN, CLAIMED):      (NO,    NO,   NO,     BUSY,   NO,      BUSY),
    (Action.REOPEN, IN_PROGRESS):  (NO,    NO,   NO,     BUSY,   NO,      BUSY),
    (Action.REOPEN, DONE):         (NO,    NO,   NO,     OK,     NO,      OK),
    (Action.IMPLEMENT, OPEN):      (OK,    NO,   NO,     None,   NO,      OK),
    (Action.IMPLEMENT, CLAIMED):   (OK,    NO,   NO,     NO,     NO,      OK),
    (Action.IMPLEMENT, IN_PROGRESS): (OK,  NO,   NO,     NO,     NO,      OK),
    (Action.IMPLEMENT, DONE):      (OK,    NO,   NO,     NO,     NO,      OK),
    (Action.EDIT, OPEN):           (OK,    NO,   NO,     None,   NO,      OK),
    (Action.EDIT, CLAIMED):        (OK,    NO,   NO,     NO,     NO,      OK),
    (Action.EDIT, IN_PROGRESS):    (OK,    NO,   NO,     NO,     NO,      OK),
    (Action.EDIT, DONE):           (OK,    NO,   NO,     NO,     NO,      OK),
    # One broken contract must not wait for its author: the project's other authors may fix it.
    (Action.REPAIR, OPEN):         (OK,    OK,   NO,     None,   NO,      OK),
    (Action.REPAIR, CLAIMED):      (OK,    OK,   NO,     NO,     NO,      OK),
    (Action.REPAIR, IN_PROGRESS):  (OK,    OK,   NO,     NO,     NO,      OK),
    (Action.REPAIR, DONE):         (OK,    OK,   NO,     NO,     NO,      OK),
    # Someone builds on a claimed contract: its author cannot pull it away (an admin can).
    (Action.DELETE, OPEN):         (OK,    NO,   NO,     None,   NO,      OK),
    (Action.DELETE, CLAIMED):      (BUSY,  NO,   NO,     NO,     NO,      OK),
    (Action.DELETE, IN_PROGRESS):  (BUSY,  NO,   NO,     NO,     NO,      OK),
    (Action.DELETE, DONE):         (BUSY,  NO,   NO,     NO,     NO,      OK),
    # Who may fix it may also hide it meanwhile, claimed or not (its claimer still sees it);
    # `check_hiding` adds when: only a contract that needs fixing, unless an admin hides it.
    (Action.HIDE, OPEN):           (OK,    OK,   NO,     None,   NO,      OK),
    (Action.HIDE, CLAIMED):        (OK,    OK,   NO,     NO,     NO,      OK),
    (Action.HIDE, IN_PROGRESS):    (OK,    OK,   NO,     NO,     NO,      OK),
    (Action.HIDE, DONE):           (OK,    OK,   NO,     NO,     NO,      OK),
    (Action.UNHIDE, OPEN):         (OK,    OK,   NO,     None,   NO,      OK),
    (Action.UNHIDE, CLAIMED):      (OK,    OK,   NO,     NO,     NO,      OK),
    (Action.UNHIDE, IN_PROGRESS):  (OK,    OK,   NO,     NO,     NO,      OK),
    (Action.UNHIDE, DONE):         (OK,    OK,   NO,     NO,     NO,      OK),
}
# fmt: on

# Where each lifecycle action takes the contract.
TARGETS = {
    Action.CLAIM: CLAIMED,
    Action.UNCLAIM: OPEN,
    Action.START: IN_PROGRESS,
    Action.FINISH: DONE,
    Action.REOPEN: IN_PROGRESS,
}

FORBIDDEN = {
    Action.CLAIM: "Only frontend learners can claim contracts.",
    Action.UNCLAIM: "Only the learner who claimed this contract (or an admin) can unclaim it.",
    Action.START: "Only the learner who claimed this contract can move it.",
    Action.FINISH: "Only the learner who claimed this contract can move it.",
    Action.REOPEN: "Only the learner who claimed this contract can move it.",
    Action.IMPLEMENT: "Only the contract's author (or an admin) can mark it implemented.",
    Action.EDIT: "Only the contract's author (or an admin) can edit it.",
    Action.REPAIR: "Only the project's backend authors (or an admin) can fix this contract.",
    Action.DELETE: "Only the contract's author (or an admin) can delete it.",
    Action.HIDE: "Only the project's backend authors (or an admin) can hide this contract.",
    Action.UNHIDE: "Only the project's backend authors (or an admin) can show this contract again.",
}
GONE = "There is no contract with that number. It may have been deleted."
HIDDEN = "This contract is hidden. Its project's backend authors and admins can still open it."
SOUND = (
    "Its project documents this contract without trouble, so it stays on the board: only a "
    "contract that needs fixing can be hidden."
)


def role_of(user: User, contract: Contract) -> Role:
    if user.is_admin:
        return Role.ADMIN
    if contract.author_id == user.id:
        return Role.AUTHOR
    if contract.claimer_id is not None and contract.claimer_id == user.id:
        return Role.CLAIMER
    if not user.is_backend:
        return Role.FRONTEND
    return Role.TEAMMATE if contract.project_id in authored_projects(user.id) else Role.BACKEND


def authored_projects(user_id: int) -> frozenset[int]:
    """The projects `user_id` posted contracts in: one query per request, however many cards."""
    memo = g.setdefault("authored_projects", {})
    if user_id not in memo:
        query = select(Contract.project_id).where(Contract.author_id == user_id).distinct()
        memo[user_id] = frozenset(db.session.scalars(query))
    return memo[user_id]


def edit_action(needs_fixing: bool) -> Action:
    """Editing a contract its project cannot document is a repair, open to more people."""
    return Action.REPAIR if needs_fixing else Action.EDIT


# A draft (from a README import) is its author's alone until published: they edit or delete it.
DRAFT_ACTIONS = frozenset({Action.EDIT, Action.REPAIR, Action.DELETE})


def decide(user: User, contract: Contract, action: Action) -> Outcome:
    if contract.is_draft and (contract.author_id != user.id or action not in DRAFT_ACTIONS):
        return NO
    outcome = RULES[action, contract.status][COLUMNS.index(role_of(user, contract))]
    if outcome is None:  # the table says it cannot happen; the data disagrees
        raise RuntimeError(f"contract {contract.id} is {contract.status} with a claimer")
    return outcome


def allowed(user: User | None, contract: Contract) -> frozenset[Action]:
    """The actions `user` may take now (none for visitors): what the buttons show."""
    if user is None or not user.is_authenticated:
        return frozenset()
    own_draft = contract.is_draft and contract.author_id == user.id
    return _allowed(role_of(user, contract), contract.status, contract.is_draft, own_draft)


@functools.cache  # a pure function of the table: one decision per kind of card, not per card
def _allowed(role: Role, status: ContractStatus, draft: bool, own: bool) -> frozenset[Action]:
    found = set()
    for action in Action:
        if draft and not (own and action in DRAFT_ACTIONS):
            continue
        outcome = RULES[action, status][COLUMNS.index(role)]
        if outcome is None:  # the table says it cannot happen; the data disagrees
            raise RuntimeError(f"a {status} contract with its claimer as {role}")
        if outcome is OK:
            found.add(action)
    return frozenset(found)


def states_allowing(action: Action) -> list[ContractStatus]:
    """The states from which someone may take `action` (the UPDATE's WHERE re-checks them)."""
    return [state for (act, state), row in RULES.items() if act is action and OK in row]


def check(user: User, contract: Contract, action: Action) -> None:
    """Raise Forbidden or Conflict unless the table allows `action`; NotFound if it is hidden
    from `user`."""
    if not may_open(user, contract):
        raise NotFound(not_there(contract))
    outcome = decide(user, contract, action)
    if outcome is NO:
        raise Forbidden(FORBIDDEN[action])
    if outcome is BUSY:
        raise Conflict(conflict_message(contract, action, user))


def roles_allowed(action: Action) -> frozenset[Role]:
    """The roles the table lets take `action` in some state."""
    rows = [row for (act, _), row in RULES.items() if act is action]
    return frozenset(role for i, role in enumerate(COLUMNS) if any(r[i] is OK for r in rows))


# A hidden contract stays on the board of whoever may show it again (board queries say so in
# SQL); its claimer, who builds on it, still finds it on their dashboard and may open it.
SEES_HIDDEN = roles_allowed(Action.UNHIDE)
OPENS_HIDDEN = SEES_HIDDEN | {Role.CLAIMER}


def not_there(contract: Contract) -> str:
    """What someone who may not open the contract is told: hidden, or nothing at all (a draft)."""
    return GONE if contract.is_draft else HIDDEN  # a draft is not there for anyone else


def may_open(user: User | None, contract: Contract) -> bool:
    """Whether `user` may open the contract's page and act on it."""
    if contract.is_draft:  # a README draft is its author's alone until it is published
        return user is not None and user.is_authenticated and user.id == contract.author_id
    if contract.hidden_at is None:
        return True
    return user is not None and user.is_authenticated and role_of(user, contract) in OPENS_HIDDEN


def check_hiding(user: User, contract: Contract, action: Action, *, needs_fixing: bool) -> None:
    """HIDE or UNHIDE: the table says who; whether it is hidden, and by whom, says when."""
    check(user, contract, action)
    if action is Action.HIDE and contract.hidden_at is not None:
        raise Conflict(f"This contract is already hidden (by {contract.hider_name}).")
    if action is Action.HIDE and not (needs_fixing or user.is_admin):  # moderation is an admin's
        raise Conflict(SOUND)
    if action is Action.UNHIDE and contract.hidden_at is None:
        raise Conflict("This contract is not hidden.")
    if action is Action.UNHIDE and contract.hidden_by_admin and not user.is_admin:
        raise Forbidden("An admin hid this contract: only an admin can show it again.")


def hiding_allowed(user: User | None, contract: Contract, *, needs_fixing: bool) -> set[Action]:
    """HIDE or UNHIDE if `user` may take it now: what the contract page offers."""
    if user is None or not user.is_authenticated:
        return set()
    found = set()
    for action in (Action.HIDE, Action.UNHIDE):
        try:
            check_hiding(user, contract, action, needs_fixing=needs_fixing)
        except DomainError:
            continue
        found.add(action)
    return found


def conflict_message(contract: Contract, action: Action, user: User | None = None) -> str:
    holder = contract.claimer.display_name if contract.claimer else None
    if action is Action.CLAIM:
        if user is not None and contract.claimer_id == user.id:
            return "You already hold this contract."
        return f"{holder} already holds this contract."
    if action is Action.DELETE:
        return f"{holder} is building on this contract: ask them to unclaim it first."
    if contract.status is OPEN:
        return "Nobody holds this contract yet."
    return f"This contract is {contract.status.label.lower()}, so it cannot be {_done(action)}."


def _done(action: Action) -> str:
    return {
        Action.START: "started",
        Action.FINISH: "marked done",
        Action.REOPEN: "reopened",
    }.get(action, f"{action}ed")
