"""Comparing two JSON Schemas in one direction: what a client sends, or what it receives.

A request schema that accepts less breaks the clients that send what it used to accept; a
response schema that may hold more breaks the clients that read it. The walk follows `$ref`
within each version's named schemas, stops at a reference pair it is already inside (recursive
schemas), and visits at most `SCHEMA_COMPARE_NODES` nodes for one edit.
"""

from ..schemas.refs import resolve
from .keywords import (
    Walk,
    loosened,
    request_enum,
    request_types,
    response_enum,
    response_types,
    tightened,
    values,
)

REQUEST, RESPONSE = "request", "response"
MAX_DEPTH = 32
MAX_PARTS = 50  # allOf parts, oneOf options


def compare(walk: Walk, old, new, location: str, direction: str) -> None:
    """Add to `walk.found` each change from schema `old` to schema `new` at `location`."""
    _node(walk, old, new, location, direction, frozenset(), 0)


def _node(walk: Walk, old, new, location: str, direction: str, seen: frozenset, depth: int):
    if depth > MAX_DEPTH or not walk.spend(location):
        return
    pair = (_ref(old), _ref(new))
    if pair != (None, None):
        if pair in seen:
            return  # compared further up: a recursive schema
        seen = seen | {pair}
    old_types, old = _open(old, walk.old_components)
    new_types, new = _open(new, walk.new_components)
    if direction == REQUEST:
        request_types(walk, old_types, new_types, location)
        request_enum(walk, values(old.get("enum")), values(new.get("enum")), location)
        tightened(walk, old, new, location)
    else:
        response_types(walk, old_types, new_types, location)
        response_enum(walk, values(old.get("enum")), values(new.get("enum")), location)
        loosened(walk, old, new, location)
    _options(walk, old, new, location, direction, seen, depth)
    _properties(walk, old, new, location, direction, seen, depth)
    if isinstance(old.get("items"), dict) and isinstance(new.get("items"), dict):
        _node(walk, old["items"], new["items"], f"{location}[]", direction, seen, depth + 1)


def _ref(schema):
    return schema.get("$ref") if isinstance(schema, dict) else None


def _open(schema, components: dict) -> tuple[set | None, dict]:
    """(the types it allows, None for any; the schema with its $ref, allOf and null opened)."""
    schema = _flat(resolve(schema, components) if isinstance(schema, dict) else {}, components)
    for key in ("anyOf", "oneOf"):
        options = schema.get(key)
        if not isinstance(options, list):
            continue
        nulls = [o for o in options if isinstance(o, dict) and o.get("type") == "null"]
        others = [o for o in options if o not in nulls]
        if nulls and len(others) == 1:  # anyOf [X, null]: X, or null
            rest = {k: v for k, v in schema.items() if k != key}
            inner = resolve(others[0], components) if isinstance(others[0], dict) else {}
            types, opened = _open({**inner, **rest}, components)
            return (None if types is None else types | {"null"}), opened
    kind = schema.get("type")
    if isinstance(kind, str):
        return {kind}, schema
    if isinstance(kind, list):
        return {k for k in kind if isinstance(k, str)}, schema
    return None, schema


def _flat(schema: dict, components: dict, depth: int = 0) -> dict:
    """allOf parts merged into one schema: their properties and required lists joined."""
    parts = schema.get("allOf")
    if not isinstance(parts, list) or not parts or depth > 4:
        return schema
    merged = {k: v for k, v in schema.items() if k != "allOf"}
    properties = dict(merged.get("properties") or {})
    required = list(merged.get("required") or [])
    for part in parts[:MAX_PARTS]:
        part = (
            _flat(resolve(part, components), components, depth + 1)
            if isinstance(part, dict)
            else {}
        )
        properties.update(part.get("properties") or {})
        required += [name for name in part.get("required") or [] if name not in required]
        for key, value in part.items():
            merged.setdefault(key, value)
    if properties:
        merged["properties"] = properties
    if required:
        merged["required"] = required
    return merged


def _options(walk: Walk, old, new, location, direction, seen, depth) -> None:
    for key in ("oneOf", "anyOf"):
        before, after = old.get(key), new.get(key)
        if not (isinstance(before, list) and isinstance(after, list)):
            continue
        old_names = [_label(option, i) for i, option in enumerate(before[:MAX_PARTS])]
        new_names = [_label(option, i) for i, option in enumerate(after[:MAX_PARTS])]
        for name, option in zip(old_names, before, strict=False):
            if name in new_names:
                match = after[new_names.index(name)]
                _node(walk, option, match, location, direction, seen, depth + 1)
            else:
                walk.add(f"{direction}.option-removed", location, old=name)
        if any(name not in old_names for name in new_names):
            walk.add(f"{direction}.option-added", location)


def _label(option, index: int) -> str:
    ref = _ref(option)
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else f"option {index + 1}"


def _properties(walk: Walk, old: dict, new: dict, location, direction, seen, depth) -> None:
    before = old.get("properties") if isinstance(old.get("properties"), dict) else {}
    after = new.get("properties") if isinstance(new.get("properties"), dict) else {}
    old_required = set(old.get("required") or [])
    new_required = set(new.get("required") or [])
    hidden = "readOnly" if direction == REQUEST else "writeOnly"  # never sent, never received
    for name in [*before, *(n for n in after if n not in before)]:
        child = f"{location}.{name}"
        old_prop = (
            None if _hidden(before.get(name), walk.old_components, hidden) else before.get(name)
        )
        new_prop = (
            None if _hidden(after.get(name), walk.new_components, hidden) else after.get(name)
        )
        if old_prop is None and new_prop is None:
            continue
        if new_prop is None:
            _removed(walk, child, direction, name in old_required)
        elif old_prop is None:
            _added(walk, child, direction, name in new_required, new_prop)
        else:
            _required(walk, child, direction, name in old_required, name in new_required)
            _node(walk, old_prop, new_prop, child, direction, seen, depth + 1)


def _hidden(schema, components: dict, keyword: str) -> bool:
    return isinstance(schema, dict) and bool(resolve(schema, components).get(keyword))


def _removed(walk: Walk, location: str, direction: str, was_required: bool) -> None:
    if direction == REQUEST:
        walk.add("request.property-removed", location)
    elif was_required:
        walk.add("response.required-property-removed", location)
    else:
        walk.add("response.optional-property-removed", location)


def _added(walk: Walk, location: str, direction: str, required: bool, schema) -> None:
    if direction == RESPONSE:
        walk.add("response.property-added", location)
    elif required and "default" not in resolve(schema, walk.new_components):
        walk.add("request.property-required-added", location)
    else:
        walk.add("request.property-added", location)


def _required(walk: Walk, location: str, direction: str, before: bool, after: bool) -> None:
    if before == after:
        return
    if direction == REQUEST:
        walk.add(f"request.property-became-{'required' if after else 'optional'}", location)
    elif before:
        walk.add("response.property-became-optional", location)
