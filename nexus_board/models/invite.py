"""Invite links: an admin's link a cohort signs up through, with an expiry and a number of uses."""

import secrets
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow
from .user import User

LABEL_CHARS = 80


def new_invite_token() -> str:
    return secrets.token_urlsafe(18)


class Invite(db.Model):
    __tablename__ = "invites"
    __table_args__ = (CheckConstraint("uses <= max_uses", name="uses_within_max"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(32), unique=True, default=new_invite_token)
    label: Mapped[str] = mapped_column(String(LABEL_CHARS))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    max_uses: Mapped[int] = mapped_column(Integer)
    # Counted by one conditional UPDATE per sign-up, so the last use cannot be taken twice.
    uses: Mapped[int] = mapped_column(Integer, default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    created_by: Mapped[User | None] = relationship()

    @property
    def left(self) -> int:
        return max(self.max_uses - self.uses, 0)

    def expired(self, now: datetime | None = None) -> bool:
        return (now or utcnow()) >= self.expires_at
