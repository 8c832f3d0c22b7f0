"""JSON Schemas inferred from examples, for a contract that has no schema of its own.

The export documents such an example with its inferred schema (and says so), the mock checks
request bodies with it, and `flask nexus verify` checks a backend's responses with it.
"""

from genson import SchemaBuilder

from .. import json_values


def infer(value) -> dict:
    """The JSON Schema an example stands for: its types, its keys all required, extras allowed.

    json_values.Refused (a ValueError) for a value too deep for genson, which recurses.
    """
    json_values.check(value)
    builder = SchemaBuilder(schema_uri=None)
    builder.add_object(value)
    return _loosen(builder.to_schema())


def _loosen(schema):
    """A null in an example says nothing about the type that belongs there: allow any."""
    if isinstance(schema, list):
        return [_loosen(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if schema.get("type") == "null" and len(schema) == 1:
        return {}
    return {key: _loosen(value) for key, value in schema.items()}
