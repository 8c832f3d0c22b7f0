"""A learner's Project Nexus profile: details, learnings, challenges, takeaways, extra sections.

Every item belongs to one user. Lists keep their order in `position`; topics are shared by all
learners, so "rest apis" and "REST APIs" are one topic the hub can count.
"""

import enum
from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow
from .user import str_enum


class LearningKind(enum.StrEnum):
    TECHNOLOGY = "technology"
    CONCEPT = "concept"


class Profile(db.Model):
    """The single-valued parts of a profile; a user without a row has an empty profile."""

    __tablename__ = "profiles"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    headline: Mapped[str] = mapped_column(String(200), default="")
    overview: Mapped[str] = mapped_column(Text, default="")
    project_focus: Mapped[str] = mapped_column(Text, default="")
    discord_handle: Mapped[str] = mapped_column(String(40), default="")
    github_url: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class Topic(db.Model):
    """A technology or concept, shared by every learner who lists it."""

    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Case-folded, whitespace-collapsed name: the unique index makes "rest apis" == "REST APIs".
    key: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(120))


class ListItem:
    """An item of one of a learner's lists, kept in the learner's order by `position`."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)


class Learning(ListItem, db.Model):
    __tablename__ = "learnings"
    __table_args__ = (
        UniqueConstraint("user_id", "topic_id"),
        # The hub's "most learned" charts count learners per topic from the index alone.
        Index("ix_learnings_kind_topic", "kind", "topic_id", "user_id"),
        # Who learned a topic, from the index alone (the directory's search by technology).
        Index("ix_learnings_topic_user", "topic_id", "user_id"),
    )

    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id"))
    kind: Mapped[LearningKind] = mapped_column(str_enum(LearningKind, "learning_kind"))
    note: Mapped[str] = mapped_column(String(500), default="")

    topic: Mapped[Topic] = relationship(lazy="joined", innerjoin=True)

    @property
    def name(self) -> str:
        return self.topic.name


challenge_tags = Table(
    "challenge_tags",
    db.metadata,
    Column(
        "challenge_id",
        Integer,
        ForeignKey("challenges.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "learning_id",
        Integer,
        ForeignKey("learnings.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class Challenge(ListItem, db.Model):
    __tablename__ = "challenges"

    title: Mapped[str] = mapped_column(String(300))
    solution: Mapped[str] = mapped_column(Text, default="")

    tags: Mapped[list[Learning]] = relationship(
        secondary=challenge_tags, order_by=Learning.position, passive_deletes=True
    )


class Takeaway(ListItem, db.Model):
    __tablename__ = "takeaways"

    text: Mapped[str] = mapped_column(Text)


class ExtraSection(ListItem, db.Model):
    """Anything else a learner keeps: a title and Markdown."""

    __tablename__ = "profile_sections"

    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")


class PendingImport(db.Model):
    """A README waiting for its owner to confirm the preview (kept here, so any worker sees it)."""

    __tablename__ = "readme_imports"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(Text)
    filename: Mapped[str] = mapped_column(String(255), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
