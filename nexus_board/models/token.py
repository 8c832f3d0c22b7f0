"""Personal access tokens: a learner's scripts and CI write to the JSON API as that learner."""

import enum
import hashlib
import secrets
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow
from .user import User, str_enum

PREFIX = "nxb_"


class TokenScope(enum.StrEnum):
    READ = "read"  # reads as its owner; every write is refused (403 insufficient_scope)
    WRITE = "write"  # also posts and updates contracts as its owner

    @property
    def label(self) -> str:
        return "Read only" if self is TokenScope.READ else "Read and write contracts"


def new_secret() -> str:
    """A fresh token: a recognisable prefix and 256 random bits."""
    return PREFIX + secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """What is stored: a SHA-256 of the token (high-entropy, so no salt or slow hash needed)."""
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiToken(db.Model):
    __tablename__ = "api_tokens"
    __table_args__ = (Index("ix_api_tokens_owner", "owner_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(60))
    # The token itself is shown once and never stored; only its digest is.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The first characters, so the owner can tell tokens apart ("nxb_Xy3f…").
    hint: Mapped[str] = mapped_column(String(12))
    scope: Mapped[TokenScope] = mapped_column(
        str_enum(TokenScope, "token_scope"), default=TokenScope.READ
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # None: never
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    owner: Mapped[User] = relationship()

    @property
    def active(self) -> bool:
        return self.revoked_at is None and not self.expired

    @property
    def expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= utcnow()

    def __repr__(self) -> str:
        return f"<ApiToken {self.id} {self.hint}… of {self.owner_id}>"
