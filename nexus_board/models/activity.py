"""The activity log and each learner's inbox: what happened, and who was told.

An event keeps what its subject was called when it happened (`subject`), and names a contract
by its number only, not by a foreign key: a deleted contract keeps its activity.
"""

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    func,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .project import Project
from .types import UTCDateTime, utcnow
from .user import User


class Activity(db.Model):
    """One meaningful event: who (`actor`), did what (`verb`), to what (`subject`), from → to."""

    __tablename__ = "activity"
    __table_args__ = (
        # Newest first, filtered by any one of these: each index ends with the id it sorts by.
        Index("ix_activity_actor", "actor_id", "id"),
        Index("ix_activity_project", "project_id", "id"),
        Index("ix_activity_contract", "contract_id", "id"),
        Index("ix_activity_verb", "verb", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Plain text, no CHECK: later features add verbs without a migration (see activity/verbs.py).
    verb: Mapped[str] = mapped_column(String(40))
    # None for the command line (`flask nexus verify --record`) or a deleted account.
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id"))
    contract_id: Mapped[int | None] = mapped_column(Integer)
    subject_type: Mapped[str] = mapped_column(String(16))  # contract, update, profile
    subject_id: Mapped[int | None] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(String(400))  # its name then: "GET /api/v1/products"
    before: Mapped[str | None] = mapped_column(String(200))
    after: Mapped[str | None] = mapped_column(String(200))
    breaking: Mapped[bool] = mapped_column(Boolean, default=False)
    # Plain values a verb needs to be told: {"reasons": [...], "excerpt": "...", "version": 3}.
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    public: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    actor: Mapped[User | None] = relationship()
    project: Mapped[Project | None] = relationship()

    def __repr__(self) -> str:
        return f"<Activity {self.id} {self.verb} {self.subject!r}>"


class Notification(db.Model):
    """One event in one learner's inbox, and why they hear of it (`reason`)."""

    __tablename__ = "notifications"
    __table_args__ = (
        UniqueConstraint("user_id", "activity_id", name="uq_notifications_user_activity"),
        Index("ix_notifications_unread", "user_id", "read_at"),
        Index("ix_notifications_user", "user_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True
    )
    reason: Mapped[str] = mapped_column(String(16))  # author, claimer, mentioned, everyone
    kind: Mapped[str] = mapped_column(String(40))  # what Settings switch it (a verb, or mention)
    breaking: Mapped[bool] = mapped_column(Boolean, default=False)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    activity: Mapped[Activity] = relationship()

    @property
    def unread(self) -> bool:
        return self.read_at is None

    @classmethod
    def unread_of(cls, user_id):
        """SQL: how many notifications of `user_id` (an id or a column) are unread."""
        return select(func.count()).where(cls.user_id == user_id, cls.read_at.is_(None))


class InboxSetting(db.Model):
    """A kind a learner turned off in the app (no row: on)."""

    __tablename__ = "inbox_settings"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    in_app: Mapped[bool] = mapped_column(Boolean, default=True)
