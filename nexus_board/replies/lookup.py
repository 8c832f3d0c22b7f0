"""Finding one reply: the 404 rule in one place."""

from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..errors import NotFound
from ..extensions import db
from ..models import Reply


def get_reply_or_404(reply_id: int) -> Reply:
    """The reply with its author, or NotFound (a hidden one too, but for its author and admins)."""
    reply = db.session.scalar(
        select(Reply)
        .where(Reply.id == reply_id)
        .options(joinedload(Reply.author), joinedload(Reply.hidden_by))
    )
    if reply is None or not may_see(reply, current_user):
        raise NotFound("That reply does not exist; it may have been deleted.")
    return reply


def may_see(reply: Reply, user) -> bool:
    return reply.shows_to(user, reply.author_id)
