"""Discord and Slack webhooks, and the outbox of their deliveries.

A delivery row is written in the transaction of the change it tells of, so a committed change
always has its deliveries and a rolled-back one never does. The worker claims a row with a
conditional UPDATE (a lease), posts it, and only then marks it sent.
"""

import enum
from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .activity import Activity
from .project import Project
from .types import UTCDateTime, utcnow
from .user import User, str_enum


class Scope(enum.StrEnum):
    COHORT = "cohort"  # set up by an admin: the program's channel
    PROJECT = "project"  # set up by a project's contributors
    PERSONAL = "personal"  # a learner's own, fed from their inbox


class Format(enum.StrEnum):
    DISCORD = "discord"
    SLACK = "slack"

    @property
    def label(self) -> str:
        return {"discord": "Discord", "slack": "Slack (or Slack-compatible)"}[self.value]


class DeliveryState(enum.StrEnum):
    PENDING = "pending"
    SENDING = "sending"  # claimed by a worker until `lease_until`
    SENT = "sent"
    FAILED = "failed"


class Webhook(db.Model):
    __tablename__ = "webhooks"
    __table_args__ = (
        CheckConstraint(
            "(scope = 'project') = (project_id IS NOT NULL)", name="project_matches_scope"
        ),
        CheckConstraint(
            "(scope = 'personal') = (person_id IS NOT NULL)", name="person_matches_scope"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[Scope] = mapped_column(str_enum(Scope, "webhook_scope"))
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    # A learner has at most one webhook of their own.
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), unique=True
    )
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(60))
    url: Mapped[str] = mapped_column(String(500))  # a secret: shown masked, never logged
    format: Mapped[Format] = mapped_column(str_enum(Format, "webhook_format"))
    kinds: Mapped[list] = mapped_column(JSON, default=list)  # verbs (or inbox kinds) it hears
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    project: Mapped[Project | None] = relationship()
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])

    def __repr__(self) -> str:
        return f"<Webhook {self.id} {self.scope} {self.name!r}>"


class Delivery(db.Model):
    """One message for one webhook: the outbox row a worker sends at least once."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        UniqueConstraint("activity_id", "webhook_id", name="uq_webhook_deliveries_event"),
        Index("ix_webhook_deliveries_due", "state", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    webhook_id: Mapped[int] = mapped_column(
        ForeignKey("webhooks.id", ondelete="CASCADE"), index=True
    )
    # None for a test message.
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"))
    reason: Mapped[str | None] = mapped_column(String(16))  # why a personal webhook hears it
    # Sent with every try, the same each time: a repeat is recognisable as one.
    key: Mapped[str] = mapped_column(String(64), unique=True)
    state: Mapped[DeliveryState] = mapped_column(
        str_enum(DeliveryState, "delivery_state"), default=DeliveryState.PENDING
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    lease: Mapped[str | None] = mapped_column(String(32))  # which claim holds it
    last_status: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    webhook: Mapped[Webhook] = relationship()
    activity: Mapped[Activity | None] = relationship()

    def __repr__(self) -> str:
        return f"<Delivery {self.id} {self.state} try {self.attempts}>"
