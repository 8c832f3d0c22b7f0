"""What a contract page shows of its schemas: tables of fields, and which ones are inferred."""

from dataclasses import dataclass

from ..models import Contract
from ..schemas.display import Table, table
from .operations import effective
from .specs import ContractSpec


@dataclass
class SchemaView:
    request: Table | None
    parameters: list  # classifier Parameters, path ones first
    responses: dict[int, Table | None]
    inferred: tuple[str, ...]  # "request", "200": shown as inferred from the example
    source: str | None  # "imported", "authored", or None when every schema is inferred


def for_contract(contract: Contract) -> SchemaView | None:
    """The view, or None for a contract whose stored examples or schemas cannot be read."""
    try:
        found = effective(ContractSpec.of(contract))
    except (ValueError, RecursionError, KeyError, TypeError):
        return None
    endpoint = found.operation
    return SchemaView(
        request=None if endpoint.body is None else table(endpoint.body, endpoint.components),
        parameters=sorted(endpoint.parameters, key=lambda p: p.location != "path"),
        responses={
            code: None if schema is None else table(schema, endpoint.components)
            for code, schema in endpoint.responses.items()
        },
        inferred=found.inferred,
        source=contract.schema_source,
    )
