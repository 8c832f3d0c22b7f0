"""Demo verification results, as `flask nexus verify --record --env staging` would leave them."""

from sqlalchemy import select

from ..extensions import db
from ..models import Contract, User
from .checks import Result
from .services import record_results

BACKEND = "http://127.0.0.1:8000"
# (path, passed, status seen, detail)
RESULTS = [
    ("/api/v1/products", True, 200, ""),
    ("/api/movies/trending", False, 500, "Expected 200, got 500."),
]


def seed_verifications(learners: dict[str, User]) -> None:
    """Record a staging run for two implemented demo endpoints: one keeps its contract, one
    breaks it (their projects' API pages then show a conformance score)."""
    for path, passed, status, detail in RESULTS:
        contract = db.session.scalar(select(Contract).where(Contract.path == path))
        if contract is not None:
            result = Result(contract, f"GET {path}", 200, status, passed, detail)
            record_results([result], BACKEND, project_id=contract.project_id,
                           environment="staging")  # fmt: skip
