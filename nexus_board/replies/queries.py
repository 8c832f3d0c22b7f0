"""Reading replies: a thread, counts and answers for a page of updates, open questions."""

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..limits import THREAD_REPLIES
from ..models import Reply, Update, User
from ..models.types import utcnow
from ..updates.queries import answered


def thread(update_id: int) -> list[Reply]:
    """An update's replies, oldest first, with their authors (one query)."""
    query = (
        select(Reply)
        .where(Reply.update_id == update_id)
        .order_by(Reply.id)
        .limit(THREAD_REPLIES)
        .options(joinedload(Reply.author))
    )
    return list(db.session.scalars(query))


def open_questions(days: int, limit: int) -> list[Update]:
    """Questions of the last `days` without an accepted answer, newest first."""
    since = utcnow() - timedelta(days=days)
    query = (
        select(Update)
        .where(Update.question.is_(True), Update.created_at >= since, ~answered())
        .order_by(Update.created_at.desc(), Update.id.desc())
        .limit(limit)
        .options(joinedload(Update.author))
    )
    return list(db.session.scalars(query))


def accepted_answers(user: User) -> int:
    """How many of `user`'s replies their askers accepted."""
    query = select(func.count()).where(Reply.author_id == user.id, Reply.accepted.is_(True))
    return db.session.scalar(query)
