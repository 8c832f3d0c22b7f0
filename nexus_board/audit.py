"""The audit log: every moderation action, written once and never changed.

`log` is the one way in: hiding, showing, deleting, dismissing a report, disabling or enabling
an account each call it in their own transaction, so the row commits with the action or not at
all. There is no update or delete path; the model and the database refuse both.
"""

from sqlalchemy import update

from .extensions import db
from .models import AuditEntry, Report, User
from .models.types import utcnow

# What an action does to the item's open reports: hiding or deleting it settles them all.
SETTLES = {"hide": "hidden", "delete": "deleted"}


def log(
    actor: User | None, kind: str, item_id: int, action: str, *, reason: str = "", summary: str = ""
) -> AuditEntry:
    """Write who did `action` to the `kind` item `item_id`, and why; settle its open reports."""
    entry = AuditEntry(
        actor_id=actor.id if actor is not None else None,
        actor_name=actor.display_name if actor is not None else "the command line",
        kind=kind,
        item_id=item_id,
        action=action,
        reason=reason or "",
        summary=(summary or "")[:200],
    )
    db.session.add(entry)
    if action in SETTLES:
        settle(kind, item_id, SETTLES[action], actor)
    db.session.flush()
    return entry


def settle(kind: str, item_id: int, resolution: str, actor: User | None) -> int:
    """Mark the item's open reports settled; how many were open."""
    result = db.session.execute(
        update(Report)
        .where(Report.kind == kind, Report.item_id == item_id, Report.resolved_at.is_(None))
        .values(
            resolved_at=utcnow(),
            resolution=resolution,
            resolved_by_id=actor.id if actor is not None else None,
        )
        .execution_options(synchronize_session=False)
    )
    return result.rowcount
