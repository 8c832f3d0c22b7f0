"""`flask nexus can-i-deploy`: may this backend go out, by its contracts' latest checks?"""

from sqlalchemy import select

from ..extensions import db
from ..models import Contract, ContractStatus, Project
from .services import latest_results

# Contracts someone integrates: their checks gate a deploy.
GATED = (ContractStatus.CLAIMED, ContractStatus.IN_PROGRESS, ContractStatus.DONE)


def blockers(project: Project, environment: str) -> list[str]:
    """What stops a deploy to `environment`: one line per gated contract not known to pass."""
    contracts = db.session.scalars(
        select(Contract)
        .where(
            Contract.project_id == project.id,
            Contract.status.in_(GATED),
            Contract.is_draft.is_(False),
        )
        .order_by(Contract.path, Contract.method)
    ).all()
    latest = latest_results(project.id, environment)
    found = []
    for contract in contracts:
        result = latest.get(contract.id)
        if result is None:
            found.append(f"{contract.endpoint}: never verified against {environment}.")
        elif not result.passed:
            found.append(f"{contract.endpoint}: its last check failed: {result.detail}")
        elif result.contract_version != contract.version:
            found.append(
                f"{contract.endpoint}: version {result.contract_version} passed; it "
                f"is at version {contract.version} now: verify again."
            )
    return found
