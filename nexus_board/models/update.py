"""Status updates: short Markdown posts with #tags and @mentions; admins' pinned announcements."""

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..limits import MARKDOWN
from .hiding import Hideable
from .types import UTCDateTime, utcnow
from .user import User

MAX_BODY = MARKDOWN["update"]
MAX_TAG = 40

update_mentions = Table(
    "update_mentions",
    db.metadata,
    Column("update_id", ForeignKey("updates.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class UpdateFacts:
    """What a list says of an update, from its columns alone: shared by `Update` and the lists'
    plain rows (updates/rows.py)."""

    __slots__ = ()

    @property
    def pinned(self) -> bool:
        return self.pinned_at is not None


class Update(UpdateFacts, Hideable, db.Model):
    __tablename__ = "updates"
    # The feed reads newest first by (created_at, id); the id breaks ties between equal times.
    __table_args__ = (
        Index("ix_updates_created_at_id", "created_at", "id"),
        # Shown ones newest first, questions, pinned: lists that stop after a few rows, whether
        # or not a planner has statistics (SQLite has none unless ANALYZE ran).
        Index("ix_updates_shown_newest", "hidden_at", "created_at", "id"),
        Index("ix_updates_questions", "question", "hidden_at", "created_at", "id"),
        Index("ix_updates_pinned_at", "pinned_at"),
        # A learner's updates newest first (their profile, the feed's learner filter): read
        # in order from the index, not picked out of the whole feed's.
        Index("ix_updates_author_newest", "author_id", "created_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    body: Mapped[str] = mapped_column(Text)
    announcement: Mapped[bool] = mapped_column(default=False)
    # A question: its replies may hold the answer, which its asker accepts.
    question: Mapped[bool] = mapped_column(default=False)
    # Set while an announcement is pinned at the top of the feed and the hub.
    pinned_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The contract the update is about; deleting the contract keeps the update, unlinked.
    contract_id: Mapped[int | None] = mapped_column(
        ForeignKey("contracts.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    author: Mapped[User] = relationship(foreign_keys=[author_id])
    tags: Mapped[list["UpdateTag"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="UpdateTag.tag"
    )
    mentions: Mapped[list[User]] = relationship(secondary=update_mentions, passive_deletes=True)

    @property
    def tag_names(self) -> list[str]:
        return [t.tag for t in self.tags]

    def deletable_by(self, user) -> bool:
        """Authors delete their own updates; admins delete any."""
        return bool(getattr(user, "is_authenticated", False)) and (
            user.id == self.author_id or user.is_admin
        )

    def __repr__(self) -> str:
        return f"<Update {self.id} by {self.author_id}>"


class UpdateTag(db.Model):
    """One #tag of an update, stored lower-case so filtering is one indexed lookup."""

    __tablename__ = "update_tags"

    update_id: Mapped[int] = mapped_column(
        ForeignKey("updates.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(MAX_TAG), primary_key=True, index=True)
