"""What a GraphQL contract's page shows beyond an endpoint's: whether its operation still
validates against the project's current schema (computed only when the page asks)."""

from dataclasses import dataclass

from ..models import Contract
from . import bp, queries
from .changes import judge
from .reading import built


@dataclass(frozen=True)
class Check:
    version: int
    valid: bool
    errors: list[str]
    deprecated: list[str]


@bp.app_template_global()
def operation_check(contract: Contract) -> Check | None:
    current = queries.current_schema(contract.project_id)
    if current is None or not contract.document:
        return None
    verdict = judge(built(current.sdl), contract.document, contract.operation_name)
    return Check(current.version, verdict.valid, verdict.errors, verdict.deprecated)
