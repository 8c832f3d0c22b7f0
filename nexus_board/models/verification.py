"""The last check of a contract against a running backend (`flask nexus verify --record`)."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime, utcnow


class Verification(db.Model):
    """One row per contract: the newest result replaces the last."""

    __tablename__ = "contract_verifications"

    contract_id: Mapped[int] = mapped_column(
        ForeignKey("contracts.id", ondelete="CASCADE"), primary_key=True
    )
    passed: Mapped[bool] = mapped_column(Boolean)
    # The contract's version that was checked: a later edit makes the result stale.
    contract_version: Mapped[int] = mapped_column(Integer)
    status_code: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(String(500), default="")
    base_url: Mapped[str] = mapped_column(String(300))
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def __repr__(self) -> str:
        return f"<Verification {self.contract_id} {'passed' if self.passed else 'failed'}>"
