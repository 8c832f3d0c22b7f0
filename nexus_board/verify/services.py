"""Recording verification runs: each contract's latest check, and every run with its score."""

from sqlalchemy import func, select

from ..activity.events import record
from ..activity.verbs import Verb
from ..caching import changed
from ..extensions import db
from ..models import Contract, Verification, VerificationResult, VerificationRun
from ..models.types import utcnow
from ..models.verification import DETAIL_CHARS, ENVIRONMENT_CHARS
from .checks import Result

DEFAULT_ENVIRONMENT = "default"


def record_results(
    results: list[Result], base_url: str, *, project_id: int, environment: str = DEFAULT_ENVIRONMENT
) -> int:
    """Store a run: its results, each contract's latest check, and the project's score then.

    Returns how many contracts were checked (skipped ones are not recorded).
    """
    now = utcnow()
    environment = environment.strip()[:ENVIRONMENT_CHARS] or DEFAULT_ENVIRONMENT
    run = VerificationRun(
        project_id=project_id,
        environment=environment,
        base_url=base_url[:300],
        ran_at=now,
        conforming=0,
        contracts=0,
    )
    db.session.add(run)
    recorded = 0
    for result in results:
        if result.passed is None:
            continue
        values = {
            "passed": result.passed,
            "contract_version": result.contract.version,
            "status_code": result.got,
            "detail": result.detail[:DETAIL_CHARS],
        }
        run.results.append(VerificationResult(contract_id=result.contract.id, **values))
        row = db.session.get(Verification, result.contract.id)
        if row is None or row.passed is not result.passed:  # a new result is news, a repeat not
            verb = Verb.VERIFY_PASSED if result.passed else Verb.VERIFY_FAILED
            record(verb, actor=None, subject=result.contract, after=result.detail[:200] or None)
        if row is None:
            row = Verification(contract_id=result.contract.id)
            db.session.add(row)
        for name, value in values.items():
            setattr(row, name, value)
        row.base_url, row.checked_at, row.environment = base_url[:300], now, environment
        recorded += 1
    db.session.flush()
    latest = latest_results(project_id, environment)
    run.contracts = db.session.scalar(
        select(func.count())
        .select_from(Contract)
        .where(Contract.project_id == project_id, Contract.is_draft.is_(False))
    )
    run.conforming = sum(1 for result in latest.values() if result.passed)
    db.session.flush()
    changed("board")
    return recorded


def latest_results(project_id: int, environment: str) -> dict[int, VerificationResult]:
    """Each contract's latest recorded result in `environment`, by contract id."""
    newest = (
        select(VerificationResult.contract_id, func.max(VerificationResult.run_id).label("run_id"))
        .join(VerificationRun, VerificationRun.id == VerificationResult.run_id)
        .where(VerificationRun.project_id == project_id, VerificationRun.environment == environment)
        .group_by(VerificationResult.contract_id)
        .subquery()
    )
    rows = db.session.scalars(
        select(VerificationResult).join(
            newest,
            (VerificationResult.contract_id == newest.c.contract_id)
            & (VerificationResult.run_id == newest.c.run_id),
        )
    )
    return {row.contract_id: row for row in rows}
