"""Reading recorded verification runs: a project's conformance score and its history."""

from dataclasses import dataclass

from sqlalchemy import select

from ..extensions import db
from ..models import VerificationRun

HISTORY = 20  # runs shown per environment


@dataclass(frozen=True)
class Conformance:
    environment: str
    latest: VerificationRun  # its score is the project's score now
    history: list[VerificationRun]  # newest first


def conformance(project_id: int) -> list[Conformance]:
    """Per environment (most recently checked first), the latest score and the runs before it."""
    runs = db.session.scalars(
        select(VerificationRun)
        .where(VerificationRun.project_id == project_id)
        .order_by(VerificationRun.id.desc())
        .limit(HISTORY * 5)
    ).all()
    by_environment: dict[str, list[VerificationRun]] = {}
    for run in runs:
        found = by_environment.setdefault(run.environment, [])
        if len(found) < HISTORY:
            found.append(run)
    return [Conformance(name, found[0], found) for name, found in by_environment.items()]
