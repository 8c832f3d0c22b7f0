"""What happens to a contract over time: saved edits (revisions) and the comment thread."""

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .hiding import Hideable
from .types import UTCDateTime, utcnow
from .user import User


class Revision(db.Model):
    """One saved edit: who, when, and each field's value before and after."""

    __tablename__ = "contract_revisions"
    __table_args__ = (UniqueConstraint("contract_id", "version", name="uq_revisions_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"))
    # The contract's version this edit produced.
    version: Mapped[int] = mapped_column(Integer)
    editor_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # [{"field": "path", "label": "Path", "old": "/a", "new": "/b"}, ...]
    changes: Mapped[list] = mapped_column(JSON)
    breaking: Mapped[bool] = mapped_column(Boolean, default=False)
    breaking_reasons: Mapped[list] = mapped_column(JSON, default=list)
    # The change classifier's word on this edit: [{"rule", "severity", "location", "sentence"}],
    # most severe first, and the most severe of them ("breaking", "possibly_breaking", "safe").
    classified: Mapped[list | None] = mapped_column(JSON, default=list)
    severity: Mapped[str | None] = mapped_column(String(20))

    editor: Mapped[User] = relationship()
    contract: Mapped["Contract"] = relationship()  # noqa: F821  (resolved by the registry)


class Comment(Hideable, db.Model):
    __tablename__ = "contract_comments"
    __table_args__ = (Index("ix_contract_comments_thread", "contract_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    author: Mapped[User] = relationship(foreign_keys=[author_id])


class DeletedContract(db.Model):
    """What a deleted contract was, with its history and comments, so deleting erases nothing.

    `record` holds plain values: {"spec": {...}, "author": {...}, "created_at": ISO time,
    "revisions": [...], "comments": [...]}.
    """

    __tablename__ = "deleted_contracts"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(Integer, index=True)
    endpoint: Mapped[str] = mapped_column(Text)
    project_name: Mapped[str] = mapped_column(Text)
    deleted_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    record: Mapped[dict] = mapped_column(JSON)

    deleted_by: Mapped[User] = relationship()
