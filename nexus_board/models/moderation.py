"""Moderation: learners' reports of an item, and the audit log of what admins did about items
and accounts.

An item is named by its kind and id (`moderation/kinds.py` holds the kinds), not by a foreign
key: one table serves every kind, and a deleted item keeps its reports' and audit rows.
"""

from datetime import datetime

from sqlalchemy import DDL, ForeignKey, Index, Integer, String, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow
from .user import User


class Report(db.Model):
    """A learner's report of one item: why (one of `moderation.reasons.REASONS`), and a note.

    A learner reports an item once. It waits in the queue until an admin hides or deletes the
    item (every open report of it is then settled) or dismisses the report.
    """

    __tablename__ = "reports"
    __table_args__ = (
        UniqueConstraint("kind", "item_id", "reporter_id", name="uq_reports_item_reporter"),
        # The queue reads open reports oldest first; settling reads one item's open reports.
        Index("ix_reports_open", "resolved_at", "id"),
        Index("ix_reports_item", "kind", "item_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    item_id: Mapped[int] = mapped_column(Integer)
    reporter_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Set when settled: "hidden", "deleted" or "dismissed", by whom.
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolution: Mapped[str | None] = mapped_column(String(16))
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    reporter: Mapped[User] = relationship(foreign_keys=[reporter_id])


class AuditEntry(db.Model):
    """One moderation action: who, did what, to which item, why, when. Rows are only added.

    No foreign keys: a cascade from a deleted account would have to change the row. The actor's
    name is kept as it was, beside their id.
    """

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_kind", "kind", "id"),
        Index("ix_audit_log_actor", "actor_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(Integer)
    actor_name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))  # update, comment, contract, account
    item_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))  # hide, unhide, delete, dismiss, disable…
    reason: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")  # what the item was, in one line
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AppendOnly(Exception):
    """Something tried to change or remove an audit row."""


APPEND_ONLY = "The audit log is append-only: its rows cannot be changed or deleted."


@event.listens_for(AuditEntry, "before_update")
@event.listens_for(AuditEntry, "before_delete")
def _refuse_changes(mapper, connection, target):
    raise AppendOnly(APPEND_ONLY)


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_changes(state):
    """`update(AuditEntry)` and `delete(AuditEntry)` through a session skip the mapper events."""
    if (state.is_update or state.is_delete) and any(
        m.class_ is AuditEntry for m in state.all_mappers
    ):
        raise AppendOnly(APPEND_ONLY)


# The database refuses too (the migration creates the same triggers): SQL from anywhere else,
# a shell or another program, cannot change the log either.
SQLITE_TRIGGERS = [
    f"CREATE TRIGGER audit_log_no_{verb} BEFORE {verb.upper()} ON audit_log "
    f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
    for verb in ("update", "delete")
]
POSTGRES_TRIGGERS = [
    "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    f"BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$",
    "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
]
for _sql in SQLITE_TRIGGERS:
    event.listen(AuditEntry.__table__, "after_create", DDL(_sql).execute_if(dialect="sqlite"))
for _sql in POSTGRES_TRIGGERS:
    event.listen(AuditEntry.__table__, "after_create", DDL(_sql).execute_if(dialect="postgresql"))
