"""Finding one reply: the 404 rule in one place."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..errors import NotFound
from ..extensions import db
from ..models import Reply


def get_reply_or_404(reply_id: int) -> Reply:
    reply = db.session.scalar(
        select(Reply).where(Reply.id == reply_id).options(joinedload(Reply.author))
    )
    if reply is None:
        raise NotFound("That reply does not exist; it may have been deleted.")
    return reply
