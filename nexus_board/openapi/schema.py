"""JSON Schemas inferred from examples, and checking a value against one.

The export documents each example with its schema, mocks check request bodies with the schema
of the request example, and `flask nexus verify` checks a backend's responses with them.
"""

from itertools import islice

from genson import SchemaBuilder
from jsonschema import Draft202012Validator

from .. import json_values
from ..limits import MOCK_ERRORS

MAX_ERRORS = MOCK_ERRORS


def infer(value) -> dict:
    """The JSON Schema an example stands for: its types, its keys all required, extras allowed.

    json_values.Refused (a ValueError) for a value too deep for genson, which recurses.
    """
    json_values.check(value)
    builder = SchemaBuilder(schema_uri=None)
    builder.add_object(value)
    return _loosen(builder.to_schema())


def errors(schema: dict, value) -> list[dict]:
    """Where `value` breaks `schema`: [{"path": "$.items[0].id", "message": …}], at most 20.

    The validator stops at the 20th problem: a body of a million wrong items costs 20.
    """
    found = islice(Draft202012Validator(schema).iter_errors(value), MAX_ERRORS)
    ordered = sorted(found, key=lambda e: list(map(str, e.path)))
    return [{"path": _json_path(e.absolute_path), "message": e.message} for e in ordered]


def _loosen(schema):
    """A null in an example says nothing about the type that belongs there: allow any."""
    if isinstance(schema, list):
        return [_loosen(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if schema.get("type") == "null" and len(schema) == 1:
        return {}
    return {key: _loosen(value) for key, value in schema.items()}


def _json_path(parts) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path
