"""Hiding, showing and deleting a Hideable item (an update, a comment) as an admin.

Each is one conditional statement, one event its author hears of, and one audit row, in the
caller's transaction. The kind (kinds.py) says which model, which cache areas, which subject.
"""

from sqlalchemy import delete as sql_delete
from sqlalchemy import update

from .. import audit
from ..activity.audience import Audience
from ..activity.events import record
from ..activity.verbs import Verb
from ..caching import changed
from ..errors import Conflict
from ..extensions import db
from ..models import User
from ..models.types import utcnow

SAME_MOMENT = "This changed at the same moment. Please look again."


def hide(kind, item, by: User, reason: str) -> None:
    if item.hidden_at is not None:
        raise Conflict(f"This is already hidden (by {item.hider_name}).")
    values = {"hidden_at": utcnow(), "hidden_by_id": by.id, "hidden_reason": reason}
    _change(kind, item, [kind.model.hidden_at.is_(None)], values)
    _tell(kind, item, by, Verb.MODERATION_HIDDEN, "hide", reason)
    if kind.withdraw:
        kind.withdraw(item)


def unhide(kind, item, by: User) -> None:
    if item.hidden_at is None:
        raise Conflict("This is not hidden.")
    values = {"hidden_at": None, "hidden_by_id": None, "hidden_reason": None}
    _change(kind, item, [kind.model.hidden_at.is_not(None)], values)
    _tell(kind, item, by, Verb.MODERATION_SHOWN, "unhide", "")


def delete(kind, item, by: User, reason: str) -> None:
    """Delete for good: hiding is the reversible step; the audit row keeps what it was."""
    _tell(kind, item, by, Verb.MODERATION_REMOVED, "delete", reason)
    if kind.withdraw:
        kind.withdraw(item)
    model = kind.model
    statement = sql_delete(model).where(model.id == item.id)
    if db.session.execute(statement.execution_options(synchronize_session=False)).rowcount != 1:
        raise Conflict(SAME_MOMENT)
    db.session.expunge(item)
    changed(*kind.areas)


def _change(kind, item, conditions: list, values: dict) -> None:
    model = kind.model
    statement = update(model).where(model.id == item.id, *conditions).values(**values)
    if db.session.execute(statement.execution_options(synchronize_session=False)).rowcount != 1:
        raise Conflict(SAME_MOMENT)
    db.session.refresh(item)
    changed(*kind.areas)


def _tell(kind, item, by: User, verb: Verb, action: str, reason: str) -> None:
    """The item's author hears of it (nobody else; never public); the audit log keeps it."""
    subject, detail = kind.subject(item)
    record(verb, actor=by, subject=subject, before=kind.name, after=reason or None,
           detail=detail, public=False, audience=Audience(author=kind.author_id(item)))  # fmt: skip
    audit.log(by, kind.name, item.id, action, reason=reason, summary=kind.summary(item))
