"""All models, imported here so Alembic and `db.create_all()` see every table."""

from .update import Update, UpdateTag
from .user import Role, Track, User

__all__ = ["Role", "Track", "Update", "UpdateTag", "User"]
