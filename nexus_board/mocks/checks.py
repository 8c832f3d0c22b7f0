"""Checking a mock request against its contract: authorization, path, query and header
parameters, then the body. A failure is a 422 whose `validation` list names each location
as Prism does: ["path", "id"], ["query", "page"], ["body", "lines", 0, "quantity"].

Each check is bounded: bodies are read only up to `MOCK_CHECKED_VALUES` values, the validator
stops at the first `MOCK_ERRORS` problems and after `SCHEMA_CHECK_STEPS` steps.
"""

from flask import request

from .. import json_values
from ..limits import MOCK_CHECKED_VALUES, MOCK_ERRORS
from ..numbers import whole_number
from ..schemas.validation import TooComplex, errors
from .problems import item, problem

BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
TOO_COMPLEX = "The contract's schema is too complex to check this request against in time."
INVALID = "The request does not match the contract: see `validation` for each place."


def problems(route: dict, path_values: dict):
    """A 4xx answer saying what is wrong with the request, or None when it fits the contract."""
    if route["auth"] and not request.headers.get("Authorization"):
        return problem(
            401, "This endpoint needs an Authorization header, such as 'Bearer <token>'.",
            headers={"WWW-Authenticate": "Bearer"},
        )  # fmt: skip
    try:
        found = _parameter_problems(route, path_values)
        checks_body = route["request_schema"] is not None and request.method in BODY_METHODS
        if len(found) < MOCK_ERRORS and checks_body:
            body = _body_problems(route)
            if not isinstance(body, list):
                return body
            found += body
    except TooComplex:
        return problem(422, TOO_COMPLEX, validation=[])
    if found:
        return problem(422, INVALID, validation=found[:MOCK_ERRORS])
    return None


def _parameter_problems(route: dict, path_values: dict) -> list[dict]:
    found = []
    for parameter in route["parameters"]:
        where, name = parameter["in"], parameter["name"]
        if where == "path":
            raw = path_values.get(name)
        else:
            raw = (request.args if where == "query" else request.headers).get(name)
        if raw is None:
            if parameter["required"]:
                message = f"Request {where} parameter {name} is required."
                found.append(item([where], message, "required"))
            continue
        if parameter["schema"]:
            wrong = errors(parameter["schema"], _typed(raw, parameter["schema"]),
                           route["components"], kept=_kept(route))  # fmt: skip
            found += [_located([where, name], e) for e in wrong]
        if len(found) >= MOCK_ERRORS:
            break
    return found


def _kept(route: dict) -> dict:
    """Validators for the route's schemas, kept in this process's copy of the route table
    (dropped with it when the table changes), so each is built once."""
    kept = route.get("validators")
    if kept is None:
        kept = route["validators"] = {}
    return kept


def _located(prefix: list, error: dict) -> dict:
    # Prism names array items by their index as text: ["body", "lines", "0", "quantity"].
    where = [*prefix, *map(str, error["location"])]
    return item(where, error["message"], error["keyword"])


def _typed(raw: str, schema: dict):
    """A path, query or header value as its schema's type says: "2" is 2 for an integer."""
    kinds = schema.get("type")
    kinds = [kinds] if isinstance(kinds, str) else kinds or []
    if "integer" in kinds and whole_number(raw.lstrip("-")) is not None:
        return -int(raw[1:]) if raw.startswith("-") else int(raw)
    if "number" in kinds:
        try:
            return json_values.loads(raw) if raw.strip() else raw
        except json_values.Refused:
            return raw
    if "boolean" in kinds and raw in ("true", "false"):
        return raw == "true"
    return raw


def _body_problems(route: dict):
    """The body's problems as `validation` items, or a 400/413 answer."""
    raw = request.get_data(cache=True)
    if not raw.strip():
        return [item(["body"], "Body parameter is required.", "required")]
    try:
        body = json_values.loads(raw, values=MOCK_CHECKED_VALUES)
    except json_values.TooMany:
        message = (
            f"The request body holds more than {MOCK_CHECKED_VALUES:,} values: the mock checks "
            "bodies up to that size against the contract. Send a smaller one."
        )
        return problem(413, message)
    except json_values.Refused as error:
        return problem(400, f"The request body is not accepted: {error}")
    found = errors(route["request_schema"], body, route["components"], sent=True,
                   kept=_kept(route))  # fmt: skip
    return [_located(["body"], e) for e in found]
