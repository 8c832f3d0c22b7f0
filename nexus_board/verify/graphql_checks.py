"""Running a GraphQL contract's operation on a backend, with its variables example, and judging
the answer: no `errors` unless the example has them, and `data` that fits the operation."""

import json

import httpx

from ..gql import queries
from ..gql.documents import Problem, operation
from ..gql.reading import built
from ..gql.shapes import mismatches
from ..models import Contract

SHOWN = 3


def check(client: httpx.Client, contract: Contract, result) -> None:
    """Fill `result` (a `checks.Result`) for the GraphQL contract `contract`."""
    current = queries.current_schema(contract.project_id)  # a command: one read a contract is fine
    if current is None:
        result.passed, result.detail = False, "The project has no schema to check against."
        return
    schema = built(current.sdl)
    try:
        found = operation(schema, contract.document, contract.operation_name)
    except Problem as problem:
        result.passed = False
        result.detail = f"The operation no longer validates against the schema: {problem}"
        return
    example = json.loads(next((r.example for r in contract.responses if r.example), "{}"))
    body = {"query": contract.document, "operationName": contract.operation_name,
            "variables": json.loads(contract.variables_example or "{}")}  # fmt: skip
    try:
        response = client.post(contract.path.lstrip("/"), json=body)
    except httpx.HTTPError as error:
        result.passed, result.detail = False, f"No answer: {error or type(error).__name__}."
        return
    result.got = response.status_code
    try:
        answer = response.json()
    except ValueError:
        result.passed, result.detail = False, f"The answer ({response.status_code}) is not JSON."
        return
    result.passed, result.detail = _judge(schema, found, answer, expects_errors="errors" in example)


def _judge(schema, found, answer, *, expects_errors: bool) -> tuple[bool, str]:
    if not isinstance(answer, dict):
        return False, "The answer is not a GraphQL response (a JSON object)."
    errors = answer.get("errors")
    if errors and not expects_errors:
        said = "; ".join(str(e.get("message", e)) for e in errors[:SHOWN] if isinstance(e, dict))
        return False, f"It answered errors: {said or errors!r}"
    if answer.get("data") is None:
        return expects_errors, "" if expects_errors else "It answered no data."
    problems = mismatches(schema, found, answer["data"])
    detail = "; ".join(problems[:SHOWN])
    if len(problems) > SHOWN:
        detail += f" (and {len(problems) - SHOWN} more)"
    return not problems, detail
