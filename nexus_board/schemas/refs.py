"""Following `$ref` among a contract's named schemas (`#/components/schemas/Name/...`)."""

from urllib.parse import unquote

from ..numbers import whole_number
from . import COMPONENTS_PREFIX

MAX_HOPS = 16  # a chain of references longer than this is treated as pointing nowhere


def lookup(ref: str, components: dict):
    """What `ref` points at among `components`, or None."""
    if not isinstance(ref, str) or not ref.startswith(COMPONENTS_PREFIX):
        return None
    path = ref.removeprefix(COMPONENTS_PREFIX)
    return pointer(components, path) if path.split("/", 1)[0] else None


def pointer(root, path: str):
    """What the JSON pointer `path` ("a/b~1c/0") names inside `root`, or None."""
    node = root
    for token in path.split("/"):
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


def resolve(node, components: dict):
    """`node` with its `$ref` followed (siblings of the `$ref` are merged over the target)."""
    for _ in range(MAX_HOPS):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            return node
        target = lookup(node["$ref"], components)
        if not isinstance(target, dict):
            return {}
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        node = {**target, **siblings} if siblings else target
    return {}


def names_used(schemas, components: dict, *, strict: bool = False) -> list[str]:
    """The named schemas `schemas` refer to, directly or through each other, in first-use order.
    With `strict`, ValueError for a reference that lands on none of them."""
    found: dict[str, None] = {}
    stack = [schemas]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            ref = node.get("$ref")
            if strict and isinstance(ref, str) and lookup(ref, components) is None:
                raise ValueError(f"the reference {ref[:100]!r} names no schema")
            if isinstance(ref, str) and ref.startswith(COMPONENTS_PREFIX):
                name = unquote(ref.removeprefix(COMPONENTS_PREFIX).split("/", 1)[0])
                name = name.replace("~1", "/").replace("~0", "~")
                if name in components and name not in found:
                    found[name] = None
                    stack.append(components[name])
            stack.extend(reversed(list(node.values())))
    return list(found)
