"""Finding one update: the 404 rule in one place."""

from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from ..errors import NotFound
from ..extensions import db
from ..models import Update


def get_update_or_404(update_id: int) -> Update:
    """The update with its author, tags and mentions loaded, or NotFound (a hidden one too,
    but for its author and admins)."""
    update = db.session.scalar(
        select(Update)
        .where(Update.id == update_id)
        .options(
            joinedload(Update.author),
            joinedload(Update.hidden_by),
            selectinload(Update.tags),
            selectinload(Update.mentions),
        )
    )
    if update is None or not may_see(update, current_user):
        raise NotFound("That update does not exist; it may have been deleted.")
    return update


def may_see(update: Update, user) -> bool:
    return update.shows_to(user, update.author_id)
