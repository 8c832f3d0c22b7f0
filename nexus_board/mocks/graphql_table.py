"""A GraphQL project's mock: its schema and its operations' examples, kept in every process
like the REST routes (checked against the "mocks" generation about once a second)."""

from graphql import print_ast

from ..caching import process_copy
from ..gql import queries as gql_queries
from ..gql.documents import Problem, parse_document
from .table import known


def mock_for(slug: str) -> dict | None:
    """{"project", "sdl", "operations": {name: {"printed", "response"}}}, or None for a project
    that is not GraphQL or has no schema yet."""
    if not known(slug):
        return None
    return process_copy(f"mocks/graphql/{slug}", "mocks", compute=lambda: _compile(slug))


def _compile(slug: str) -> dict | None:
    project = gql_queries.project(slug)
    current = gql_queries.current_schema(project.id) if project and project.is_graphql else None
    if current is None:
        return None
    operations = {}
    for contract in gql_queries.operations_of(project.id):
        if contract.is_draft or contract.hidden_at is not None:
            continue
        try:
            printed = _printed(contract.document)
        except Problem:  # saved under an older schema's limits: its name still answers
            printed = None
        example = next((r.example for r in contract.responses if r.status_code == 200), None)
        operations[contract.operation_name] = {"printed": printed, "response": example}
    return {"project": project.name, "sdl": current.sdl, "operations": operations}


def _printed(document: str) -> str:
    return print_ast(parse_document(document))
