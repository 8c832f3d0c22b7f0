"""Reading replies: a thread, and the answers a learner gave that their askers accepted.

The open questions are one of the hub's lists of updates (`updates.queries.lists`)."""

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..limits import THREAD_REPLIES
from ..models import Reply, User


def thread(update_id: int, viewer: User | None = None) -> list[Reply]:
    """An update's replies, oldest first, with their authors (one query). A reply a moderator
    hid shows to its author and admins only (with the reason)."""
    query = (
        select(Reply)
        .where(Reply.update_id == update_id)
        .order_by(Reply.id)
        .limit(THREAD_REPLIES)
        .options(joinedload(Reply.author), joinedload(Reply.hidden_by))
    )
    if viewer is None or not viewer.is_authenticated:
        query = query.where(Reply.shown())
    elif not viewer.is_admin:
        query = query.where(or_(Reply.shown(), Reply.author_id == viewer.id))
    return list(db.session.scalars(query))


def accepted_answers(user: User) -> int:
    """How many of `user`'s replies their askers accepted."""
    return db.session.scalar(accepted_answers_query(user.id))


def accepted_answers_query(user_id) -> Select:
    """SQL for `accepted_answers` of `user_id` (an id or a bound parameter), for a page that
    reads it with other counts."""
    return select(func.count()).where(
        Reply.author_id == user_id, Reply.accepted.is_(True), Reply.shown()
    )
