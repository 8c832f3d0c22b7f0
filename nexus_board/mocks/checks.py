"""Checking a mock request against its contract: query and header parameters, then the body.

Each check is bounded: bodies are read only up to `MOCK_CHECKED_VALUES` values, the validator
stops at the first `MOCK_ERRORS` problems and after `SCHEMA_CHECK_STEPS` steps.
"""

from flask import request

from .. import json_values
from ..errors import json_error
from ..limits import MOCK_CHECKED_VALUES, MOCK_ERRORS
from ..numbers import whole_number
from ..schemas.validation import TooComplex, errors

BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
TOO_COMPLEX = "The contract's schema is too complex to check this request against in time."


def problems(route: dict):
    """A 4xx answer saying what is wrong with the request, or None when it fits the contract."""
    found = _parameter_problems(route)
    if found is None:
        return json_error(422, TOO_COMPLEX)
    if found:
        return json_error(422, "The request's parameters do not match the contract.", errors=found)
    if route["request_schema"] is not None and request.method in BODY_METHODS:
        return _body_problems(route)
    return None


def _parameter_problems(route: dict) -> list[dict] | None:
    found = []
    for parameter in route["parameters"]:
        source = request.args if parameter["in"] == "query" else request.headers
        where = f"{parameter['in']}.{parameter['name']}"
        raw = source.get(parameter["name"])
        if raw is None:
            if parameter["required"]:
                found.append({"path": where, "message": "This parameter is required."})
            continue
        if parameter["schema"]:
            try:
                wrong = errors(parameter["schema"], _typed(raw, parameter["schema"]),
                               route["components"])  # fmt: skip
            except TooComplex:
                return None
            found += [{"path": where + e["path"][1:], "message": e["message"]} for e in wrong]
        if len(found) >= MOCK_ERRORS:
            break
    return found[:MOCK_ERRORS]


def _typed(raw: str, schema: dict):
    """A query or header value as its schema's type says: "2" is 2 for an integer."""
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
    raw = request.get_data(cache=False)
    if not raw.strip():
        found = [{"path": "$", "message": "The request has no body: send JSON like the example."}]
        return json_error(422, "The request body does not match the contract.", errors=found)
    try:
        body = json_values.loads(raw, values=MOCK_CHECKED_VALUES)
    except json_values.TooMany:
        message = (
            f"The request body holds more than {MOCK_CHECKED_VALUES:,} values: the mock checks "
            "bodies up to that size against the contract. Send a smaller one."
        )
        return json_error(413, message)
    except json_values.Refused as error:
        return json_error(400, f"The request body is not accepted: {error}")
    try:
        found = errors(route["request_schema"], body, route["components"], sent=True)
    except TooComplex:
        return json_error(422, TOO_COMPLEX)
    if found:
        return json_error(422, "The request body does not match the contract.", errors=found)
    return None
