"""Which route answers a request, and which of its responses (as Prism does with `Prefer`)."""

import re
from dataclasses import dataclass

PREFER_CODE = re.compile(r"(?:^|[\s,;])code\s*=\s*\"?(\d{3})\"?", re.IGNORECASE)


@dataclass
class Found:
    route: dict | None  # the route for this method and path
    allowed: list[str]  # the methods other routes take on this path (for 405)


class NoSuchResponse(LookupError):
    """The caller preferred a status code the contract does not describe."""


def find(table: dict, method: str, path: str) -> Found:
    """The most specific route matching `path` and `method` (routes come sorted that way)."""
    allowed = []
    for route in table["routes"]:
        if matches(route, path):
            if route["method"] == method:
                return Found(route, [])
            if route["method"] not in allowed:
                allowed.append(route["method"])
    return Found(None, allowed)


def matches(route: dict, path: str) -> bool:
    return re.fullmatch(route["pattern"], path) is not None


def choose(route: dict, prefer: str | None) -> tuple[int, str | None]:
    """(status, example) to answer with: `Prefer: code=…` if given, else the first 2xx."""
    responses = route["responses"]
    wanted = PREFER_CODE.search(prefer or "")
    if wanted:
        code = int(wanted.group(1))
        if code not in responses:
            raise NoSuchResponse(code)
        return code, responses[code]
    codes = sorted(responses)
    if not codes:
        return 204, None
    code = next((c for c in codes if 200 <= c < 300), codes[0])
    return code, responses[code]
