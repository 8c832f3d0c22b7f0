"""Replies to updates: a thread under every update; the asker of a question accepts one."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .hiding import Hideable
from .types import UTCDateTime, utcnow
from .user import User


class Reply(Hideable, db.Model):
    __tablename__ = "update_replies"
    # A thread reads oldest first; the answered-questions filter looks up accepted ones.
    __table_args__ = (
        Index("ix_update_replies_thread", "update_id", "id"),
        Index("ix_update_replies_accepted", "update_id", "accepted"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    update_id: Mapped[int] = mapped_column(ForeignKey("updates.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    body: Mapped[str] = mapped_column(Text)
    # At most one reply of a question is its answer: one UPDATE moves the mark (services.accept).
    accepted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    author: Mapped[User] = relationship(foreign_keys=[author_id])

    def __repr__(self) -> str:
        return f"<Reply {self.id} to {self.update_id}>"
