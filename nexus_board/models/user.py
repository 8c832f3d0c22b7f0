"""Learners and admins."""

import enum
import secrets
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Enum, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime, utcnow


class Track(enum.StrEnum):
    BACKEND = "backend"
    FRONTEND = "frontend"


class Role(enum.StrEnum):
    LEARNER = "learner"
    ADMIN = "admin"


def str_enum(cls: type[enum.StrEnum], name: str) -> Enum:
    """A portable enum column: VARCHAR plus a CHECK constraint, storing the values."""
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=16,
        values_callable=lambda members: [m.value for m in members],
    )


def new_session_token() -> str:
    return secrets.token_urlsafe(24)


class User(UserMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (
        # The learner lists (hub, directory) by name, and the hub's count per track.
        Index("ix_users_role_display_name", "role", "display_name"),
        Index("ix_users_role_track", "role", "track"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored lower-cased, so the unique index makes usernames unique in any case.
    username: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    track: Mapped[Track] = mapped_column(str_enum(Track, "track"))
    role: Mapped[Role] = mapped_column(str_enum(Role, "role"), default=Role.LEARNER)
    # What the session cookie names instead of the id: rotating it signs out every other session.
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def get_id(self) -> str:
        return self.session_token

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    @property
    def is_backend(self) -> bool:
        return self.track is Track.BACKEND

    @property
    def is_frontend(self) -> bool:
        return self.track is Track.FRONTEND

    def __repr__(self) -> str:
        return f"<User {self.username}>"
