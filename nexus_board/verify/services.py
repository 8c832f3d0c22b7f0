"""Recording verification results, so the board shows "verified ✓/✗ at <time>"."""

from ..activity.events import record
from ..activity.verbs import Verb
from ..caching import changed
from ..extensions import db
from ..models import Verification
from ..models.types import utcnow
from .checks import Result


def record_results(results: list[Result], base_url: str) -> int:
    """Store the newest result of every contract that was called; returns how many."""
    now = utcnow()
    recorded = 0
    for result in results:
        if result.passed is None:
            continue
        row = db.session.get(Verification, result.contract.id)
        if row is None or row.passed is not result.passed:  # a new result is news, a repeat not
            verb = Verb.VERIFY_PASSED if result.passed else Verb.VERIFY_FAILED
            record(verb, actor=None, subject=result.contract, after=result.detail[:200] or None)
        if row is None:
            row = Verification(contract_id=result.contract.id)
            db.session.add(row)
        row.passed = result.passed
        row.contract_version = result.contract.version
        row.status_code = result.got
        row.detail = result.detail[:500]
        row.base_url = base_url[:300]
        row.checked_at = now
        recorded += 1
    db.session.flush()
    if recorded:
        changed("board")
    return recorded
