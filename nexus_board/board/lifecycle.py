"""Claiming, moving and hiding contracts: each is one conditional UPDATE, safe under any race.

Never read-then-write: the policy check reads to give a clear 403/409, but the UPDATE itself
re-checks the state in its WHERE clause, and only a row count of 1 means the move happened.
`SELECT … FOR UPDATE` would do nothing on SQLite; this works on every database.
"""

from sqlalchemy import update

from .. import audit
from ..activity.events import record
from ..activity.verbs import Verb
from ..caching import changed
from ..errors import Conflict, Forbidden, Invalid
from ..extensions import db
from ..limits import HIDDEN_REASON_CHARS
from ..models import Contract, User
from ..models.types import utcnow
from ..text import one_line_problem
from . import policy, services
from .lookup import get_contract
from .policy import Action

# What each move is called in the activity log.
VERBS = {
    Action.CLAIM: Verb.CONTRACT_CLAIMED,
    Action.UNCLAIM: Verb.CONTRACT_UNCLAIMED,
    Action.START: Verb.CONTRACT_MOVED,
    Action.FINISH: Verb.CONTRACT_MOVED,
    Action.REOPEN: Verb.CONTRACT_MOVED,
}


class MoveRefused(Conflict):
    """A move lost to another person's; `contract` is what the contract is now."""

    def __init__(self, message: str, contract: Contract):
        super().__init__(message)
        self.contract = contract


def move(contract_id: int, user: User, action: Action) -> Contract:
    """Claim, unclaim, start, finish or reopen; returns the contract as it is afterwards."""
    contract = get_contract(contract_id)
    _check(user, contract, action)
    before = contract.status.label  # the re-read after the UPDATE refreshes this same object
    now = utcnow()
    values = {"status": policy.TARGETS[action], "status_changed_at": now}
    conditions = [Contract.status.in_(policy.states_allowing(action))]
    if action is Action.CLAIM:
        conditions.append(Contract.claimer_id.is_(None))
        # The claimer has seen the contract as it is in this very row.
        values |= {"claimer_id": user.id, "claimed_at": now, "seen_version": Contract.version}
    else:
        conditions.append(Contract.claimer_id == contract.claimer_id)
    if action is Action.UNCLAIM:
        values |= {"claimer_id": None, "claimed_at": None, "seen_version": None}
    if not _update(contract_id, conditions, values):
        _refused(contract_id, user, action)
    after = _fresh(contract_id)
    record(VERBS[action], actor=user, subject=after, before=before, after=after.status.label)
    return after


def claim(contract_id: int, user: User) -> Contract:
    return move(contract_id, user, Action.CLAIM)


def unclaim(contract_id: int, user: User) -> Contract:
    return move(contract_id, user, Action.UNCLAIM)


def release_departing_claim(contract_id: int, user: User) -> Contract:
    """`user` is deleting their account: the contract they hold is open again, and its author
    is told (the notifications area's event for this goes here, one per released claim)."""
    return move(contract_id, user, Action.UNCLAIM)


def implement(contract_id: int, user: User) -> Contract:
    """Mark the endpoint implemented on the backend (once; again changes nothing)."""
    contract = get_contract(contract_id)
    _check(user, contract, Action.IMPLEMENT)
    marked = _update(contract_id, [Contract.implemented_at.is_(None)], {"implemented_at": utcnow()})
    after = _fresh(contract_id)
    if marked:
        record(Verb.CONTRACT_IMPLEMENTED, actor=user, subject=after)
    return after


def acknowledge(contract_id: int, user: User, version: int) -> Contract:
    """The claimer has read the changes up to `version`: stop flagging them."""
    contract = get_contract(contract_id)
    if contract.claimer_id != user.id:
        raise Forbidden("Only the learner who holds this contract can acknowledge its changes.")
    version = min(version, contract.version)
    _update(
        contract_id,
        [Contract.claimer_id == user.id, Contract.seen_version < version],
        {"seen_version": version},
    )
    return _fresh(contract_id)


def hide(contract_id: int, user: User, reason: str) -> Contract:
    """Take a contract off the board, its mock and its project's document, saying why."""
    _check_hiding(contract_id, user, Action.HIDE)
    reason = clean_reason(reason)
    values = {"hidden_at": utcnow(), "hidden_by_id": user.id, "hidden_reason": reason}
    if not _update(contract_id, [Contract.hidden_at.is_(None)], values, mocks=True):
        _hiding_refused(contract_id, user, Action.HIDE)
    after = _fresh(contract_id)
    record(Verb.CONTRACT_HIDDEN, actor=user, subject=after, after=reason)
    if user.is_admin:  # moderation, from the contract's page or the reports queue
        audit.log(user, "contract", contract_id, "hide", reason=reason, summary=after.endpoint)
    return after


def unhide(contract_id: int, user: User) -> Contract:
    """Show a hidden contract again: on the board, its mock and its project's document."""
    contract = _check_hiding(contract_id, user, Action.UNHIDE)
    # The same hiding that was checked: not one an admin made in between.
    same = [Contract.hidden_at.is_not(None), Contract.hidden_by_id == contract.hidden_by_id]
    values = {"hidden_at": None, "hidden_by_id": None, "hidden_reason": None}
    if not _update(contract_id, same, values, mocks=True):
        _hiding_refused(contract_id, user, Action.UNHIDE)
    after = _fresh(contract_id)
    record(Verb.CONTRACT_SHOWN, actor=user, subject=after)
    if user.is_admin:
        audit.log(user, "contract", contract_id, "unhide", summary=after.endpoint)
    return after


def clean_reason(reason: str) -> str:
    """Why an item is hidden or deleted: one line, required, HIDDEN_REASON_CHARS at most."""
    reason = (reason or "").strip()
    problem = one_line_problem(reason) if reason else "Say why, so its authors know what to fix."
    if problem is None and len(reason) > HIDDEN_REASON_CHARS:
        problem = f"Use at most {HIDDEN_REASON_CHARS} characters."
    if problem:
        raise Invalid("Say in one line why.", errors={"reason": problem})
    return reason


def _check_hiding(contract_id: int, user: User, action: Action) -> Contract:
    contract = get_contract(contract_id, full=True)
    broken = services.needs_fixing(contract) is not None
    policy.check_hiding(user, contract, action, needs_fixing=broken)
    return contract


def _hiding_refused(contract_id: int, user: User, action: Action):
    """Someone hid it or showed it again first: say what it is now."""
    db.session.rollback()
    _check_hiding(contract_id, user, action)
    raise Conflict("This contract changed at the same moment. Please try again.")


def _check(user: User, contract: Contract, action: Action) -> None:
    try:
        policy.check(user, contract, action)
    except Conflict as error:
        raise MoveRefused(error.message, contract) from None


def _update(contract_id: int, conditions: list, values: dict, *, mocks: bool = False) -> bool:
    # Core-style UPDATE: it does not bump the edit version (only edits do). Hiding changes the
    # mocks and the project's document too.
    result = db.session.execute(
        update(Contract)
        .where(Contract.id == contract_id, *conditions)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        return False
    changed("board", *(["mocks"] if mocks else []))
    return True


def _refused(contract_id: int, user: User, action: Action):
    """Someone else's move landed first: end our transaction, then say what happened."""
    db.session.rollback()
    contract = get_contract(contract_id)
    _check(user, contract, action)
    raise MoveRefused("This contract changed at the same moment. Please try again.", contract)


def _fresh(contract_id: int) -> Contract:
    return get_contract(contract_id)  # re-read: the UPDATE bypassed the session
