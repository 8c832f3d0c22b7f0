"""Each contract's named schemas, merged into one document's `components/schemas`.

Contracts keep their own copies, so two may hold different schemas under one name (one was
edited by hand): the later one is then renamed (`Product2`) and its `$ref`s rewritten.
"""

from ..schemas import COMPONENTS_PREFIX, component_ref
from ..schemas.refs import names_used


class Merged:
    def __init__(self):
        self.schemas: dict[str, dict] = {}

    def add(self, operation: dict, components: dict) -> dict:
        """`operation` with its references pointing at the merged names of `components`;
        ValueError if one points at none of them (the document would not validate)."""
        used = names_used(operation, components, strict=True)
        renamed = {}
        for name in used:
            schema = components[name]
            final, n = name, 2
            while final in self.schemas and self.schemas[final] != _renamed(schema, renamed):
                final, n = f"{name}{n}", n + 1
            renamed[name] = final
        if any(old != new for old, new in renamed.items()):
            operation = _renamed(operation, renamed)
        for name in used:
            self.schemas.setdefault(renamed[name], _renamed(components[name], renamed))
        return operation


def _renamed(value, names: dict):
    """`value` with each `$ref` to a renamed schema pointing at its new name."""
    if not any(old != new for old, new in names.items()):
        return value
    if isinstance(value, list):
        return [_renamed(item, names) for item in value]
    if not isinstance(value, dict):
        return value
    found = {key: _renamed(item, names) for key, item in value.items()}
    ref = value.get("$ref")
    if isinstance(ref, str) and ref.startswith(COMPONENTS_PREFIX):
        name, slash, rest = ref.removeprefix(COMPONENTS_PREFIX).partition("/")
        if names.get(name, name) != name:
            found["$ref"] = component_ref(names[name])["$ref"] + slash + rest
    return found
