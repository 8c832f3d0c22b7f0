"""Code review requests between backend learners: asked for, claimed by one reviewer, done."""

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .hiding import Hideable
from .types import UTCDateTime, utcnow
from .user import User, str_enum

TITLE_CHARS = 120
LINK_CHARS = 500
TAG_CHARS = 30


class ReviewStatus(enum.StrEnum):
    OPEN = "open"
    IN_REVIEW = "in_review"
    DONE = "done"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class ReviewRequest(Hideable, db.Model):
    __tablename__ = "review_requests"
    __table_args__ = (
        # Exactly the open requests have no reviewer; the claim UPDATE keeps both in step.
        CheckConstraint(
            "(status = 'open' AND reviewer_id IS NULL)"
            " OR (status <> 'open' AND reviewer_id IS NOT NULL)",
            name="reviewer_matches_status",
        ),
        Index("ix_review_requests_column", "status", "status_changed_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(TITLE_CHARS))
    # https only, shown as a link and never fetched by the server.
    link: Mapped[str] = mapped_column(String(LINK_CHARS))
    focus: Mapped[str] = mapped_column(Text, default="")  # what to look at (Markdown)
    status: Mapped[ReviewStatus] = mapped_column(
        str_enum(ReviewStatus, "review_status"), default=ReviewStatus.OPEN
    )
    requester_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    review: Mapped[str | None] = mapped_column(Text)  # the reviewer's Markdown
    follow_up: Mapped[str | None] = mapped_column(Text)  # the requester's, when reopening
    thanked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    status_changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    requester: Mapped[User] = relationship(foreign_keys=[requester_id])
    reviewer: Mapped[User | None] = relationship(foreign_keys=[reviewer_id])
    tags: Mapped[list["ReviewTag"]] = relationship(
        cascade="all, delete-orphan", order_by="ReviewTag.name", passive_deletes=True
    )

    @property
    def tag_names(self) -> list[str]:
        return [tag.name for tag in self.tags]

    def __repr__(self) -> str:
        return f"<ReviewRequest {self.id} {self.status}>"


class ReviewTag(db.Model):
    __tablename__ = "review_tags"

    review_id: Mapped[int] = mapped_column(
        ForeignKey("review_requests.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(TAG_CHARS), primary_key=True, index=True)
