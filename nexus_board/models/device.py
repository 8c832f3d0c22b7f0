"""Signed-in devices: the server-side record of each session, so one can be ended for good."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow
from .user import User


class Device(db.Model):
    """One browser signed in as a user. Its session cookie names this row and carries a secret
    whose digest is kept here; deleting the row signs that browser out, replayed cookie or not.

    "Keep me signed in" adds a remember token (its digest here too), replaced on every use.
    """

    __tablename__ = "devices"
    __table_args__ = (Index("ix_devices_user", "user_id", "last_seen_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    secret_hash: Mapped[str] = mapped_column(String(64))
    # The user's session version when this device signed in: an older one is signed out.
    session_version: Mapped[int] = mapped_column(Integer)
    user_agent: Mapped[str] = mapped_column(String(300), default="")
    address: Mapped[str] = mapped_column(String(45), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # When the password was last typed on this device (a "fresh" sign-in is recent).
    signed_in_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    remember_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    # The token replaced last, accepted for a moment so two tabs restoring at once both work.
    previous_remember_hash: Mapped[str | None] = mapped_column(String(64))
    remember_rotated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    remember_until: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship()
    # Not a column: the user's unread count, read with the device on each request
    # (auth/devices.find), for the navigation's badge.
    unread_notifications = None  # an int once read

    @property
    def remembered(self) -> bool:
        return self.remember_until is not None

    def __repr__(self) -> str:
        return f"<Device {self.id} of {self.user_id}>"
