"""Examples for a document that has schemas but no examples (drf-spectacular's usual output).

The example a schema stands for: its own `example`, else one built from its types, formats and
properties, following `$ref`s inside the document.
"""

from urllib.parse import unquote

from ..numbers import whole_number

MAX_DEPTH = 8
FORMATS = {
    "date-time": "2026-01-01T12:00:00Z",
    "date": "2026-01-01",
    "time": "12:00:00",
    "email": "learner@example.com",
    "uri": "https://example.com/",
    "url": "https://example.com/",
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "decimal": "0.00",
    "ipv4": "192.0.2.1",
    "binary": "",
}
SCALARS = {"integer": 0, "number": 0.0, "boolean": True, "null": None}


class Sampler:
    """Builds examples from the schemas of one document."""

    def __init__(self, document: dict, *, response: bool):
        self.document = document
        # A response example leaves out writeOnly fields; a request example, readOnly ones.
        self.skipped = "writeOnly" if response else "readOnly"

    def resolve(self, node, depth: int = 0):
        """`node` with a local `$ref` followed (to the depth limit)."""
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and depth < MAX_DEPTH:
            node = self._pointer(node["$ref"])
            depth += 1
        return node

    def example(self, schema, depth: int = 0):
        schema = self.resolve(schema)
        if not isinstance(schema, dict) or depth > MAX_DEPTH:
            return None
        for key in ("example", "default", "const"):
            if key in schema:
                return schema[key]
        if isinstance(schema.get("examples"), list) and schema["examples"]:
            return schema["examples"][0]
        if isinstance(schema.get("enum"), list) and schema["enum"]:
            return next((v for v in schema["enum"] if v is not None), schema["enum"][0])
        if isinstance(schema.get("allOf"), list):
            return self._all_of(schema["allOf"], depth)
        for key in ("oneOf", "anyOf"):
            options = [self.resolve(option) for option in schema.get(key) or []]
            options = [o for o in options if not (isinstance(o, dict) and o.get("type") == "null")]
            if options:
                return self.example(options[0], depth + 1)
        return self._typed(schema, depth)

    def _typed(self, schema: dict, depth: int):
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "null")
        if kind == "object" or (kind is None and "properties" in schema):
            return {
                name: self.example(prop, depth + 1)
                for name, prop in (schema.get("properties") or {}).items()
                if not (
                    isinstance(self.resolve(prop), dict) and self.resolve(prop).get(self.skipped)
                )
            }
        if kind == "array":
            items = schema.get("items")
            return [self.example(items, depth + 1)] if isinstance(items, dict) else []
        if kind == "string":
            return FORMATS.get(schema.get("format"), "string")
        if kind in ("integer", "number") and isinstance(schema.get("minimum"), int | float):
            return schema["minimum"]
        return SCALARS.get(kind)

    def _all_of(self, parts: list, depth: int):
        merged = {}
        for part in parts:
            value = self.example(part, depth + 1)
            if not isinstance(value, dict):
                return value
            merged.update(value)
        return merged

    def _pointer(self, ref: str):
        node = self.document
        for token in ref.removeprefix("#").strip("/").split("/"):
            if not token:
                continue
            token = unquote(token).replace("~1", "/").replace("~0", "~")
            if isinstance(node, dict):
                node = node.get(token)
            elif isinstance(node, list) and whole_number(token, high=len(node) - 1) is not None:
                node = node[int(token)]
            else:
                return None
        return node
