"""Calling each contract's endpoint on a backend and judging the answer against the contract."""

from dataclasses import dataclass
from urllib.parse import quote

import httpx

from ..board import examples, paths
from ..board.operations import effective
from ..board.specs import ContractSpec
from ..models import Contract
from ..schemas.validation import TooComplex
from ..schemas.validation import errors as schema_errors
from . import graphql_checks

SAFE = {"GET"}
SHOWN_ERRORS = 3


@dataclass
class Result:
    contract: Contract
    request: str  # "GET /api/v1/products/1"
    expected: int | None
    got: int | None = None
    passed: bool | None = None  # None: not called
    detail: str = ""


def expected_status(contract: Contract) -> int | None:
    """The status a working endpoint answers: the first 2xx the contract lists."""
    codes = [response.status_code for response in contract.responses]
    return next((code for code in codes if 200 <= code < 300), codes[0] if codes else None)


def run(client: httpx.Client, contracts: list[Contract], *, unsafe: bool, params: dict) -> list:
    """One Result per contract: unsafe methods are skipped unless `unsafe`."""
    results = []
    for contract in contracts:
        url = concrete_path(contract.path, params)
        request = contract.endpoint if contract.operation_type else f"{contract.method} {url}"
        result = Result(contract, request, expected_status(contract))
        if not _safe(contract) and not unsafe:
            result.detail = "Skipped: it may change data (pass --all to call it)."
        elif contract.operation_type:
            graphql_checks.check(client, contract, result)
        else:
            _check(client, contract, url, result)
        results.append(result)
    return results


def _safe(contract: Contract) -> bool:
    if contract.operation_type:
        return contract.operation_type == "query"
    return contract.method in SAFE


def concrete_path(template: str, params: dict) -> str:
    """The template with each {param} replaced by its value from `params` (default 1)."""
    parts = paths.parse(template).parts
    return "".join(
        part if i % 2 == 0 else quote(str(params.get(part, "1")), safe="")
        for i, part in enumerate(parts)
    )


def _check(client: httpx.Client, contract: Contract, url: str, result: Result) -> None:
    body = examples.load(contract.request_example)
    try:
        kwargs = {} if contract.request_example is None else {"json": body}
        response = client.request(str(contract.method), url.lstrip("/"), **kwargs)
    except httpx.HTTPError as error:
        result.passed, result.detail = False, f"No answer: {error or type(error).__name__}."
        return
    result.got = response.status_code
    if response.status_code != result.expected:
        result.passed, result.detail = False, _status_detail(contract, response.status_code)
        return
    endpoint = effective(ContractSpec.of(contract)).operation
    schema = endpoint.responses.get(result.expected)
    if schema is None:
        result.passed = True
        return
    try:
        data = response.json()
    except ValueError:
        result.passed, result.detail = False, "The body is not JSON."
        return
    try:
        found = schema_errors(schema, data, endpoint.components, sent=False)
    except TooComplex:
        result.passed, result.detail = False, "The schema is too complex to check this body."
        return
    result.passed = not found
    result.detail = "; ".join(f"{e['path']}: {e['message']}" for e in found[:SHOWN_ERRORS])
    if len(found) > SHOWN_ERRORS:
        result.detail += f" (and {len(found) - SHOWN_ERRORS} more)"


def _status_detail(contract: Contract, got: int) -> str:
    documented = {response.status_code for response in contract.responses}
    hint = ""
    if got == 401 and contract.auth_required:
        hint = " It needs authentication: pass --header 'Authorization: Bearer …'."
    elif got == 404 and contract.responses and paths.parse(contract.path).params:
        hint = " Pass --param NAME=VALUE for an object that exists."
    said = " (the contract lists it, but not as the success answer)" if got in documented else ""
    return f"Expected {expected_status(contract)}, got {got}{said}.{hint}"
