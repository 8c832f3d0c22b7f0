"""Which route answers a request, and the values of its path parameters.

Routes are found a path segment at a time in a tree built with the table: at each segment the
literal child is one dict look-up and each distinct parameter pattern one linear comparison
(`paths.match_segment`), so a request costs at most one visit per node of its project's tree,
whatever the path, and no regular expression is ever tried.
"""

from dataclasses import dataclass

from ..board.paths import match_segment


@dataclass
class Found:
    route: dict | None  # the route for this method and path
    allowed: list[str]  # the methods other routes take on this path (for 405)


def tree(routes: list[dict]) -> dict:
    """The routes (each with its `segments`) as a tree of plain dicts and lists, for the cache.

    A node is {"literal": {text: node}, "param": [[parts, node], …], "routes": [index, …]};
    parameter patterns that differ only in names share a node.
    """
    root = _node()
    for index, route in enumerate(routes):
        node = root
        for parts in route["segments"]:
            if len(parts) == 1:
                node = node["literal"].setdefault(parts[0], _node())
                continue
            shape = list(parts[0::2])
            same = next((child for key, child in node["param"] if key[0::2] == shape), None)
            if same is None:
                same = _node()
                node["param"].append([list(parts), same])
            node = same
        node["routes"].append(index)
    return root


def candidates(table: dict, path: str) -> list[dict]:
    """Every route whose template matches `path`, most specific first (the table's order)."""
    texts = path.split("/")[1:]
    found: list[int] = []
    stack = [(table["tree"], 0)]
    while stack:
        node, depth = stack.pop()
        if depth == len(texts):
            found.extend(node["routes"])
            continue
        text = texts[depth]
        child = node["literal"].get(text)
        if child is not None:
            stack.append((child, depth + 1))
        for parts, child in node["param"]:
            if match_segment(parts, text) is not None:
                stack.append((child, depth + 1))
    return [table["routes"][index] for index in sorted(found)]


def find(table: dict, method: str, path: str) -> Found:
    """The most specific route matching `path` and `method` (routes come sorted that way)."""
    allowed = []
    for route in candidates(table, path):
        if route["method"] == method:
            return Found(route, [])
        if route["method"] not in allowed:
            allowed.append(route["method"])
    return Found(None, allowed)


def _node() -> dict:
    return {"literal": {}, "param": [], "routes": []}


def path_values(route: dict, path: str) -> dict[str, str]:
    """{"id": "42"} for /products/42 on /products/{id} (the route matched `path` already)."""
    found = {}
    for parts, text in zip(route["segments"], path.split("/")[1:], strict=False):
        if len(parts) > 1:
            found.update(zip(parts[1::2], match_segment(parts, text) or [], strict=False))
    return found
