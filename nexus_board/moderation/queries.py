"""Reading the reports queue and the audit log: each page a fixed number of statements."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..limits import AUDIT_PAGE, REPORTS_PAGE
from ..models import AuditEntry, Report
from .kinds import KINDS


@dataclass
class Page:
    rows: list
    next_from: int | None  # the id to read on from; None on the last page


def open_reports(after: int | None = None, size: int = REPORTS_PAGE) -> Page:
    """Open reports, oldest first, each with its item (None if it has gone), one query a kind."""
    query = select(Report).where(Report.resolved_at.is_(None)).options(joinedload(Report.reporter))
    if after:
        query = query.where(Report.id > after)
    found = list(db.session.scalars(query.order_by(Report.id).limit(size + 1)))
    reports = found[:size]
    items = {}
    for name in {report.kind for report in reports}:
        kind = KINDS[name]
        ids = {r.item_id for r in reports if r.kind == name}
        author = joinedload(getattr(kind.model, kind.author))
        items |= {(name, item.id): item for item in db.session.scalars(
            select(kind.model).where(kind.model.id.in_(ids)).options(author))}  # fmt: skip
    rows = [(report, items.get((report.kind, report.item_id))) for report in reports]
    return Page(rows, reports[-1].id if len(found) > size else None)


def audit_page(
    kind: str = "", actor_id: int | None = None, before: int | None = None, size: int = AUDIT_PAGE
) -> Page:
    """The audit log, newest first, by kind and actor."""
    query = select(AuditEntry)
    if kind:
        query = query.where(AuditEntry.kind == kind)
    if actor_id is not None:
        query = query.where(AuditEntry.actor_id == actor_id)
    if before:
        query = query.where(AuditEntry.id < before)
    found = list(db.session.scalars(query.order_by(AuditEntry.id.desc()).limit(size + 1)))
    rows = found[:size]
    return Page(rows, rows[-1].id if len(found) > size else None)


def actors() -> list[tuple[int, str]]:
    """Everyone who appears in the log, for the filter (an admin team is small)."""
    query = select(AuditEntry.actor_id, AuditEntry.actor_name)
    query = query.where(AuditEntry.actor_id.is_not(None))
    rows = {(actor_id, name) for actor_id, name in db.session.execute(query.distinct())}
    return sorted(rows, key=lambda row: row[1])
