"""OpenAPI 3.0 schemas in 3.1 form (JSON Schema 2020-12).

`nullable: true` becomes a type array (`["string", "null"]`), or an `anyOf` with null where the
schema has no `type` (drf-spectacular's nullable `oneOf` of enums); boolean `exclusiveMinimum`
and `exclusiveMaximum` become numbers. Everything else is kept as it is. Called on documents
already bounded by `reading.read` (64 levels), so the recursion is bounded too.
"""

NESTED_ONE = ("items", "additionalProperties", "not", "contains", "propertyNames")
NESTED_MANY = ("allOf", "oneOf", "anyOf", "prefixItems")
NESTED_MAP = ("properties", "patternProperties", "$defs", "dependentSchemas")
# Said about the value, not what it is: they stay outside the anyOf that adds null.
ANNOTATIONS = ("title", "description", "default", "example", "examples", "readOnly",
               "writeOnly", "deprecated", "externalDocs", "xml")  # fmt: skip


def to_31(schema):
    """A 3.1 copy of the 3.0 `schema` (anything not a schema comes back as it is)."""
    if not isinstance(schema, dict):
        return schema
    converted = {}
    for key, value in schema.items():
        if key in NESTED_ONE:
            converted[key] = to_31(value)
        elif key in NESTED_MANY and isinstance(value, list):
            converted[key] = [to_31(item) for item in value]
        elif key in NESTED_MAP and isinstance(value, dict):
            converted[key] = {name: to_31(item) for name, item in value.items()}
        else:
            converted[key] = value
    _exclusive(converted, "exclusiveMinimum", "minimum")
    _exclusive(converted, "exclusiveMaximum", "maximum")
    if converted.pop("nullable", False) is True:
        return _nullable(converted)
    return converted


def _exclusive(schema: dict, flag: str, bound: str) -> None:
    if schema.get(flag) is True and bound in schema:
        schema[flag] = schema.pop(bound)
    elif isinstance(schema.get(flag), bool):
        del schema[flag]


def _nullable(schema: dict) -> dict:
    kind = schema.get("type")
    if isinstance(kind, str):
        schema["type"] = [kind, "null"]
    elif isinstance(kind, list):
        schema["type"] = kind if "null" in kind else [*kind, "null"]
    if isinstance(schema.get("enum"), list) and None not in schema["enum"]:
        schema["enum"] = [*schema["enum"], None]
    if kind is not None or "enum" in schema:
        return schema
    outer = {key: schema.pop(key) for key in ANNOTATIONS if key in schema}
    return {**outer, "anyOf": [schema, {"type": "null"}]}
