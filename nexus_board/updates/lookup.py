"""Finding one update: the 404 rule in one place."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from ..errors import NotFound
from ..extensions import db
from ..models import Update


def get_update_or_404(update_id: int) -> Update:
    """The update with its author, tags and mentions loaded, or NotFound."""
    update = db.session.scalar(
        select(Update)
        .where(Update.id == update_id)
        .options(
            joinedload(Update.author), selectinload(Update.tags), selectinload(Update.mentions)
        )
    )
    if update is None:
        raise NotFound("That update does not exist; it may have been deleted.")
    return update
