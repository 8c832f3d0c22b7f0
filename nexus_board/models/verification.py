"""Checks of contracts against a running backend (`flask nexus verify --record`).

`Verification` is each contract's latest check, whatever the environment (its card shows it);
every recorded run keeps its own results, per environment label, for the project's conformance
history and `flask nexus can-i-deploy`.
"""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow

ENVIRONMENT_CHARS = 40
DETAIL_CHARS = 500


class CheckResult:
    """What one check of a contract found (mixin)."""

    passed: Mapped[bool] = mapped_column(Boolean)
    # The contract's version that was checked: a later edit makes the result stale.
    contract_version: Mapped[int] = mapped_column(Integer)
    status_code: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(String(DETAIL_CHARS), default="")


class Verification(CheckResult, db.Model):
    """One row per contract: the newest result replaces the last."""

    __tablename__ = "contract_verifications"

    contract_id: Mapped[int] = mapped_column(
        ForeignKey("contracts.id", ondelete="CASCADE"), primary_key=True
    )
    base_url: Mapped[str] = mapped_column(String(300))
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    environment: Mapped[str | None] = mapped_column(String(ENVIRONMENT_CHARS))

    def __repr__(self) -> str:
        return f"<Verification {self.contract_id} {'passed' if self.passed else 'failed'}>"


class VerificationRun(db.Model):
    """One recorded `verify` of a project: when, against what, and its score then."""

    __tablename__ = "verification_runs"
    __table_args__ = (Index("ix_verification_runs_project", "project_id", "environment", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    environment: Mapped[str] = mapped_column(String(ENVIRONMENT_CHARS))
    base_url: Mapped[str] = mapped_column(String(300))
    ran_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # The project's conformance after this run: contracts whose last check in this environment
    # passed, out of the contracts it had.
    conforming: Mapped[int] = mapped_column(Integer)
    contracts: Mapped[int] = mapped_column(Integer)

    results: Mapped[list["VerificationResult"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def score(self) -> float:
        return self.conforming / self.contracts if self.contracts else 0.0


class VerificationResult(CheckResult, db.Model):
    """What one run found for one contract."""

    __tablename__ = "verification_results"
    __table_args__ = (Index("ix_verification_results_contract", "contract_id", "run_id"),)

    run_id: Mapped[int] = mapped_column(
        ForeignKey("verification_runs.id", ondelete="CASCADE"), primary_key=True
    )
    contract_id: Mapped[int] = mapped_column(
        ForeignKey("contracts.id", ondelete="CASCADE"), primary_key=True
    )
