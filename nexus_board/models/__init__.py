"""All models, imported here so Alembic and `db.create_all()` see every table."""

from .user import Role, Track, User

__all__ = ["Role", "Track", "User"]
