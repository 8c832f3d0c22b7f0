"""Learners and admins."""

import enum
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Enum, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, validates

from ..extensions import db
from .types import UTCDateTime, utcnow


class Track(enum.StrEnum):
    BACKEND = "backend"
    FRONTEND = "frontend"


class Role(enum.StrEnum):
    LEARNER = "learner"
    ADMIN = "admin"


class AccountState(enum.StrEnum):
    ACTIVE = "active"
    DISABLED = "disabled"  # by an admin: no session or token works until re-enabled
    DELETED = "deleted"  # by its learner: a nameless row their posted contracts still point at


class Theme(enum.StrEnum):
    """A theme someone picked; no choice (None) follows the device's light or dark setting."""

    LIGHT = "light"
    DARK = "dark"


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


def sort_name(display_name: str | None) -> str | None:
    return display_name.lower() if display_name is not None else None


def _sort_name_of_row(context) -> str | None:
    return sort_name(context.get_current_parameters().get("display_name"))


class User(UserMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (
        # The learner lists (hub, directory) by name, and the hub's count per track.
        Index("ix_users_role_display_name", "role", "display_name"),
        # The directory: learners by lower-cased name, searched by it too.
        Index("ix_users_role_sort_name", "role", "sort_name", "id"),
        Index("ix_users_role_track", "role", "track"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored lower-cased, so the unique index makes usernames unique in any case.
    username: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    # The display name lower-cased as Python does (so "Élodie" is "élodie" on every database):
    # the directory's order and name search compare it in SQL, with no function per row.
    # Set with the name (below); a bulk insert that leaves it out gets it from the row.
    sort_name: Mapped[str | None] = mapped_column(String(80), default=_sort_name_of_row)
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    track: Mapped[Track] = mapped_column(str_enum(Track, "track"))
    role: Mapped[Role] = mapped_column(str_enum(Role, "role"), default=Role.LEARNER)
    # Every device row records the version it was signed in under; bumping it signs out all.
    session_version: Mapped[int] = mapped_column(Integer, default=1)
    # Moves with every change to the learner's lists (profiles/services.py): a visitor's copy
    # of a list is kept under it (profiles/list_display.py).
    profile_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    state: Mapped[AccountState] = mapped_column(
        str_enum(AccountState, "account_state"), default=AccountState.ACTIVE
    )
    state_reason: Mapped[str | None] = mapped_column(String(500))  # why an admin disabled it
    state_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # What names look like to a reader (auth/names.py): a new name may not look like another's.
    name_key: Mapped[str | None] = mapped_column(String(320), unique=True)
    username_key: Mapped[str | None] = mapped_column(String(128), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    theme: Mapped[Theme | None] = mapped_column(str_enum(Theme, "theme"))

    # Not stored: which device's session this request runs under (`auth/devices.py`).
    session_key = None

    def get_id(self) -> str:
        """What the session cookie holds: the device row and its secret, never the user id."""
        if self.session_key is None:
            raise RuntimeError("a user signs in through auth.devices, which names the device")
        return self.session_key

    @property
    def is_active(self) -> bool:
        return self.state is AccountState.ACTIVE

    @property
    def is_deleted(self) -> bool:
        return self.state is AccountState.DELETED

    @classmethod
    def listed(cls):
        """The SQL condition for the accounts shown anywhere: all but deleted ones."""
        return cls.state != AccountState.DELETED

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    @property
    def is_backend(self) -> bool:
        return self.track is Track.BACKEND

    @property
    def is_frontend(self) -> bool:
        return self.track is Track.FRONTEND

    @validates("display_name")
    def _keep_sort_name(self, _key, name: str) -> str:
        self.sort_name = sort_name(name)
        return name

    def __repr__(self) -> str:
        return f"<User {self.username}>"
