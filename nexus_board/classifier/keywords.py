"""The rules on one schema node's own keywords: its types, its enum, its numeric and text
constraints, judged in one direction (what a client sends, or what it receives)."""

import json
from dataclasses import dataclass, field

from ..limits import SCHEMA_COMPARE_NODES
from .rules import Change, make

# Lower is tighter for these, higher for the others: keyword -> rule when tightened.
UPPER = {"maxLength": "max-length-lowered", "maximum": "maximum-lowered",
         "exclusiveMaximum": "maximum-lowered", "maxItems": "max-items-lowered"}  # fmt: skip
LOWER = {"minLength": "min-length-raised", "minimum": "minimum-raised",
         "exclusiveMinimum": "minimum-raised", "minItems": "min-items-raised"}  # fmt: skip


@dataclass
class Walk:
    """One comparison: both versions' named schemas, the nodes left to visit, what it found."""

    old_components: dict
    new_components: dict
    left: int = SCHEMA_COMPARE_NODES
    found: list[Change] = field(default_factory=list)

    def add(self, rule: str, location: str, **values) -> None:
        self.found.append(make(rule, location, **values))

    def spend(self, location: str) -> bool:
        self.left -= 1
        if self.left == -1:
            self.add("schema.too-large", location)
        return self.left >= 0


def accepts(types: set | None, kind: str) -> bool:
    return types is None or kind in types or (kind == "integer" and "number" in types)


def _names(types: set | None) -> str:
    return "any value" if types is None else " or ".join(sorted(types))


def request_types(walk: Walk, old: set | None, new: set | None, location: str) -> None:
    if old == new:
        return
    if new is None:
        walk.add("request.type-widened", location, new="any value")
        return
    if old is None:
        walk.add("request.type-narrowed", location, old="any value", new=_names(new))
        return
    lost = {kind for kind in old if not accepts(new, kind)}
    kept = old - lost or ({"number"} & old if "integer" in new else set())
    if not lost:
        walk.add("request.type-widened", location, new=_names(new - old))
    elif kept:
        walk.add("request.type-narrowed", location, old=_names(lost), new=_names(new))
    else:
        walk.add("request.type-changed", location, old=_names(old), new=_names(new))


def response_types(walk: Walk, old: set | None, new: set | None, location: str) -> None:
    if old == new or old is None:
        return  # a client of "any value" handles anything
    gained = {"any value"} if new is None else {kind for kind in new if not accepts(old, kind)}
    if gained - {"null"}:
        walk.add("response.type-changed", location, old=_names(old), new=_names(new))
    if "null" in gained:
        walk.add("response.nullable-added", location)
    if not gained:
        walk.add("response.type-narrowed", location, new=_names(new))


def values(enum) -> dict[str, object] | None:
    if not isinstance(enum, list):
        return None
    return {json.dumps(value, sort_keys=True): value for value in enum}


def request_enum(walk: Walk, old: dict | None, new: dict | None, location: str) -> None:
    if old == new or new is None:
        return  # no enum now: any value of the type is accepted (wider)
    if old is None:
        walk.add("request.enum-added", location, new=", ".join(new))
        return
    removed = [value for value in old if value not in new]
    added = [value for value in new if value not in old]
    if removed:
        walk.add("request.enum-value-removed", location, old=", ".join(removed))
    if added:
        walk.add("request.enum-value-added", location, new=", ".join(added))


def response_enum(walk: Walk, old: dict | None, new: dict | None, location: str) -> None:
    if old == new or old is None:
        return  # limited to listed values now: narrower
    if new is None:
        walk.add("response.enum-removed", location)
        return
    added = [value for value in new if value not in old]
    removed = [value for value in old if value not in new]
    if added:
        walk.add("response.enum-value-added", location, new=", ".join(added))
    if removed:
        walk.add("response.enum-value-removed", location, old=", ".join(removed))


def _number(value):
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _bounds(old: dict, new: dict):
    """(keyword, rule, before, after, tightened) for each numeric bound that differs."""
    for table, tighter in ((UPPER, lambda a, b: a < b), (LOWER, lambda a, b: a > b)):
        for keyword, rule in table.items():
            before, after = _number(old.get(keyword)), _number(new.get(keyword))
            if before == after:
                continue
            tightened = after is not None and (before is None or tighter(after, before))
            yield keyword, rule, before, after, tightened


def tightened(walk: Walk, old: dict, new: dict, location: str) -> None:
    loosened = []
    for keyword, rule, before, after, tightened in _bounds(old, new):
        if tightened:
            shown = "no limit" if before is None else before
            walk.add(f"request.{rule}", location, old=shown, new=after)
        else:
            loosened.append(keyword)
    for keyword in ("pattern", "format"):
        before, after = old.get(keyword), new.get(keyword)
        if before == after:
            continue
        if after is None:
            loosened.append(keyword)
        elif before is None:
            walk.add(f"request.{keyword}-added", location, new=after)
        else:
            walk.add(f"request.{keyword}-changed", location, old=before, new=after)
    if new.get("additionalProperties") is False and old.get("additionalProperties") is not False:
        walk.add("request.additional-properties-closed", location)
    if loosened:
        walk.add("request.constraint-loosened", location, new=", ".join(loosened))


def loosened(walk: Walk, old: dict, new: dict, location: str) -> None:
    wider = [keyword for keyword, _, before, _, tightened in _bounds(old, new)
             if before is not None and not tightened]  # fmt: skip
    wider += [k for k in ("pattern", "format") if old.get(k) and old.get(k) != new.get(k)]
    if wider:
        walk.add("response.constraint-loosened", location, new=", ".join(wider))
