"""Examples for a document that has schemas but no examples (drf-spectacular's usual output).

The example a schema stands for: its own `example`, else one built from its types, formats and
properties, following `$ref`s inside the document. A `$ref` already followed on the way down
stops there (a tree, self-referencing or not, ends at its first repeat: an optional field is
left out, a required one is null), and every
value built counts against a budget per example and per document (`limits.SAMPLE_*`): width
cannot multiply what depth no longer can.
"""

from ..limits import SAMPLE_DOCUMENT_VALUES, SAMPLE_VALUES
from ..schemas.refs import pointer

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


REPEAT = object()  # where a schema inside itself repeats: left out of the example if it can be


class TooLarge(Exception):
    """Building the example would pass its budget; `document` says whose budget it was."""

    def __init__(self, document: bool):
        super().__init__("document" if document else "example")
        self.document = document


class Budget:
    """Values left to build for one document, shared by its samplers."""

    def __init__(self, values: int = SAMPLE_DOCUMENT_VALUES):
        self.left = values


class Sampler:
    """Builds examples from the schemas of one document."""

    def __init__(self, document: dict, *, response: bool, budget: Budget | None = None):
        self.document = document
        # A response example leaves out writeOnly fields; a request example, readOnly ones.
        self.skipped = "writeOnly" if response else "readOnly"
        self.budget = budget or Budget()
        self.left = SAMPLE_VALUES

    def resolve(self, node, depth: int = 0):
        """`node` with a local `$ref` followed (to the depth limit)."""
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and depth < MAX_DEPTH:
            node = self._pointer(node["$ref"])
            depth += 1
        return node

    def sample(self, schema):
        """The example for `schema`, or TooLarge past the budget of one example (or all)."""
        self.left = SAMPLE_VALUES
        value = self.example(schema)
        return None if value is REPEAT else value

    def example(self, schema, depth: int = 0, seen: frozenset = frozenset()):
        self._spend()
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            if schema["$ref"] in seen:
                return REPEAT  # a schema inside itself: stop at the first repeat
            seen = seen | {schema["$ref"]}
            schema = self._pointer(schema["$ref"])
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
            return self._all_of(schema["allOf"], depth, seen)
        for key in ("oneOf", "anyOf"):
            options = [self.resolve(option) for option in schema.get(key) or []]
            options = [o for o in options if not (isinstance(o, dict) and o.get("type") == "null")]
            if options:
                return self.example(options[0], depth + 1, seen)
        return self._typed(schema, depth, seen)

    def _spend(self) -> None:
        self.left -= 1
        self.budget.left -= 1
        if self.budget.left < 0:
            raise TooLarge(document=True)
        if self.left < 0:
            raise TooLarge(document=False)

    def _typed(self, schema: dict, depth: int, seen: frozenset):
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "null")
        if kind == "object" or (kind is None and "properties" in schema):
            required = schema.get("required") or []
            found = {}
            for name, prop in (schema.get("properties") or {}).items():
                if isinstance(self.resolve(prop), dict) and self.resolve(prop).get(self.skipped):
                    continue
                value = self.example(prop, depth + 1, seen)
                if value is not REPEAT:
                    found[name] = value
                elif name in required:  # cannot be left out: the example shows null
                    found[name] = None
            return found
        if kind == "array":
            items = schema.get("items")
            value = self.example(items, depth + 1, seen) if isinstance(items, dict) else REPEAT
            return [] if value is REPEAT else [value]
        if kind == "string":
            return FORMATS.get(schema.get("format"), "string")
        if kind in ("integer", "number") and isinstance(schema.get("minimum"), int | float):
            return schema["minimum"]
        return SCALARS.get(kind)

    def _all_of(self, parts: list, depth: int, seen: frozenset):
        merged = {}
        for part in parts:
            value = self.example(part, depth + 1, seen)
            if not isinstance(value, dict):
                return value
            merged.update(value)
        return merged

    def _pointer(self, ref: str):
        return pointer(self.document, ref.removeprefix("#"))
