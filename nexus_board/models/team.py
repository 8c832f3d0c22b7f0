"""Projects as teams: who asked to join and who accepted, and the working agreement's history."""

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow
from .user import User, str_enum


class JoinState(enum.StrEnum):
    ASKED = "asked"
    ACCEPTED = "accepted"


class Membership(db.Model):
    """Someone asked to join a project; a member accepted them (contributors need no row)."""

    __tablename__ = "project_members"

    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    state: Mapped[JoinState] = mapped_column(str_enum(JoinState, "join_state"))
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    accepted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship(foreign_keys=[user_id])


class AgreementRevision(db.Model):
    """One saved edit of a project's working agreement: who, when, the text before and after."""

    __tablename__ = "agreement_revisions"
    __table_args__ = (UniqueConstraint("project_id", "version", name="uq_agreement_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    editor_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    before: Mapped[str] = mapped_column(Text)
    after: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    editor: Mapped[User] = relationship()
