"""A schema as rows a person reads: each field with its types, required, enum and constraints."""

from dataclasses import dataclass, field

from ..limits import SCHEMA_ROWS
from . import COMPONENTS_PREFIX
from .refs import resolve

CONSTRAINTS = {
    "minLength": "at least {} characters",
    "maxLength": "at most {} characters",
    "minimum": "≥ {}",
    "maximum": "≤ {}",
    "exclusiveMinimum": "> {}",
    "exclusiveMaximum": "< {}",
    "multipleOf": "a multiple of {}",
    "pattern": "matches {}",
    "minItems": "at least {} items",
    "maxItems": "at most {} items",
    "uniqueItems": "items unique",
}
MAX_DEPTH = 12


@dataclass
class Row:
    name: str  # "lines[].quantity"; "" for the body itself
    types: str  # "integer", "string (date-time)", "Product", "one of: A, B"
    required: bool = False
    enum: list = field(default_factory=list)
    constraints: list[str] = field(default_factory=list)
    description: str = ""
    access: str = ""  # "read-only", "write-only"
    depth: int = 0


@dataclass
class Table:
    rows: list[Row]
    more: bool = False  # more fields than the page lists


def table(schema: dict | None, components: dict | None) -> Table:
    """The rows of `schema`, depth first, at most `SCHEMA_ROWS` of them."""
    found = Table([])
    if isinstance(schema, dict):
        _rows(schema, components or {}, "", False, 0, frozenset(), found)
    return found


def _rows(schema, components, name, required, depth, seen, found: Table) -> None:
    if len(found.rows) >= SCHEMA_ROWS:
        found.more = True
        return
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    node = resolve(schema, components) if isinstance(schema, dict) else {}
    label = _types(schema, node, components)
    row = Row(name, label, required, list(node.get("enum") or []), _constraints(node),
              str(node.get("description") or ""), _access(node), depth)  # fmt: skip
    if name or ref or not _is_plain_object(node):
        found.rows.append(row)
    if ref in seen or depth >= MAX_DEPTH:
        return  # shown where it first appeared
    seen = seen | {ref} if ref else seen
    required_names = set(node.get("required") or [])
    child_depth = depth + 1 if name else depth
    for part in node.get("allOf") or []:
        part = resolve(part, components)
        required_names |= set(part.get("required") or [])
        for key, prop in (part.get("properties") or {}).items():
            _rows(prop, components, _join(name, key), key in required_names, child_depth, seen,
                  found)  # fmt: skip
    for key, prop in (node.get("properties") or {}).items():
        _rows(prop, components, _join(name, key), key in required_names, child_depth, seen, found)
    items = node.get("items")
    if isinstance(items, dict):
        inner = resolve(items, components)
        if inner.get("properties") or inner.get("allOf"):
            _rows(items, components, f"{name}[]", False, child_depth, seen, found)


def _join(name: str, key: str) -> str:
    return f"{name}.{key}" if name else key


def _is_plain_object(node: dict) -> bool:
    return "properties" in node and not node.get("description")


def _types(schema, node: dict, components: dict) -> str:
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    if isinstance(ref, str) and ref.startswith(COMPONENTS_PREFIX):
        base = ref.removeprefix(COMPONENTS_PREFIX)
        return base + (" or null" if "null" in _kinds(node) else "")
    kinds = _kinds(node)
    if kinds:
        label = " or ".join(kinds)
        if node.get("format"):
            label += f" ({node['format']})"
        if "array" in kinds and isinstance(node.get("items"), dict):
            label += " of " + _types(node["items"], resolve(node["items"], components), components)
        return label
    for key, word in (("oneOf", "one of"), ("anyOf", "any of"), ("allOf", "all of")):
        options = node.get(key)
        if isinstance(options, list) and options:
            names = [_types(o, resolve(o, components), components) for o in options[:5]]
            return f"{word}: {', '.join(names)}"
    return "any"


def _kinds(node: dict) -> list[str]:
    kind = node.get("type")
    kinds = [kind] if isinstance(kind, str) else [k for k in kind or [] if isinstance(k, str)]
    for key in ("anyOf", "oneOf"):
        if any(isinstance(o, dict) and o.get("type") == "null" for o in node.get(key) or []):
            kinds = [*kinds, "null"]
    return kinds


def _constraints(node: dict) -> list[str]:
    found = [text.format(node[key]) for key, text in CONSTRAINTS.items() if key in node]
    extra = node.get("additionalProperties")
    if extra is False:
        found.append("no other fields")
    return found


def _access(node: dict) -> str:
    if node.get("readOnly"):
        return "read-only"
    return "write-only" if node.get("writeOnly") else ""
