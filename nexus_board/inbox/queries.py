"""Reading an inbox: the unread count, unread breaking changes first, then newest first."""

from dataclasses import dataclass

from sqlalchemy import not_, select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..limits import INBOX_BREAKING, INBOX_PAGE
from ..models import Activity, Notification


@dataclass
class Inbox:
    breaking: list[Notification]  # unread breaking changes, above the rest (first page only)
    items: list[Notification]
    next_before: int | None
    unread: int


def unread_count(user_id: int) -> int:
    return db.session.scalar(Notification.unread_of(user_id))


def inbox(user_id: int, before: int | None = None, size: int = INBOX_PAGE) -> Inbox:
    """One page of `user_id`'s inbox."""
    urgent = (Notification.breaking.is_(True)) & (Notification.read_at.is_(None))
    mine = select(Notification).where(Notification.user_id == user_id)
    breaking = [] if before else _load(mine.where(urgent).limit(INBOX_BREAKING))
    rest = mine.where(not_(urgent))
    if before:
        rest = rest.where(Notification.id < before)
    rows = _load(rest.limit(size + 1))
    items = rows[:size]
    next_before = items[-1].id if len(rows) > size else None
    return Inbox(breaking, items, next_before, unread_count(user_id))


def _load(stmt) -> list[Notification]:
    options = joinedload(Notification.activity).options(
        joinedload(Activity.actor), joinedload(Activity.project)
    )
    return list(db.session.scalars(stmt.order_by(Notification.id.desc()).options(options)))
