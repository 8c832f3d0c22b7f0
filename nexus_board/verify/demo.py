"""Demo verification results, as `flask nexus verify --record` would leave them."""

from sqlalchemy import select

from ..extensions import db
from ..models import Contract, User, Verification
from ..models.types import utcnow

BACKEND = "http://127.0.0.1:8000"
# (path, passed, status seen, detail)
RESULTS = [
    ("/api/v1/products", True, 200, ""),
    ("/api/movies/trending", False, 500, "Expected 200, got 500."),
]


def seed_verifications(learners: dict[str, User]) -> None:
    """Mark two implemented demo endpoints checked: one keeps its contract, one breaks it."""
    for path, passed, status, detail in RESULTS:
        contract = db.session.scalar(select(Contract).where(Contract.path == path))
        if contract is not None:
            db.session.add(
                Verification(
                    contract_id=contract.id, passed=passed, contract_version=contract.version,
                    status_code=status, detail=detail, base_url=BACKEND, checked_at=utcnow(),
                )
            )  # fmt: skip
