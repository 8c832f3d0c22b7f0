"""Endpoints a README already lists, in a table or a list, read as contract drafts.

Tables like `| Method | Endpoint | Description | Auth Required |` (the method may also share the
endpoint's cell: `GET /users/`), and lists like `- POST /users/ — Create a user`. A heading or
a "Base URL:" line that names a path (`## Users (/api/v1/users)`) is the base of what follows
it, until a heading of the same or a higher level. Code blocks are skipped. One pass over the
lines, each line's work bounded by `LINE_CHARS`; at most `README_ENDPOINTS` endpoints are read.
"""

import re
from dataclasses import dataclass

from ..limits import README_ENDPOINTS

LINE_CHARS = 2_000  # longer lines are read up to here
METHOD = r"(GET|POST|PUT|PATCH|DELETE)"
PATH = r"(/[^\s|`*()<>\[\]]*(?:<[\w:]+>[^\s|`*()<>\[\]]*)*)"
HEADING = re.compile(r"(#{1,6})\s+(.*)")
FENCE = re.compile(r"\s*(```|~~~)")
LIST_ITEM = re.compile(
    rf"\s*(?:[-*+]|\d+[.)])\s+[`*_]*{METHOD}[`*_]*\s+[`*_]*{PATH}[`*_]*\s*(?:[-–—:|]\s*)?(.*)",
    re.IGNORECASE,
)
IN_CELL = re.compile(rf"[`*_]*{METHOD}[`*_]*\s+[`*_]*{PATH}[`*_]*", re.IGNORECASE)
PATH_ALONE = re.compile(rf"[`*_]*{PATH}[`*_]*")
BASE_LINE = re.compile(
    r"\**(?:base\s*(?:url|path|uri|route)|prefix)\**\s*:?\**\s*(.*)", re.IGNORECASE
)
BASE_IN_TEXT = re.compile(r"`?(?:https?://[^/\s`]+)?(/[\w\-./{}:<>]*)`?")
PARAM = re.compile(r"<(?:\w+:)?(\w+)>|:(\w+)")
AUTH_YES = re.compile(r"^\s*(?:yes|y|true|required|✅|✔️?|🔒|jwt|token|bearer|authenticated)", re.I)
AUTH_IN_TEXT = re.compile(r"🔒|\((?:auth|authenticated|requires? auth\w*)\)", re.IGNORECASE)
PATH_COLUMNS = ("endpoint", "path", "url", "route", "uri")
SUMMARY_COLUMNS = ("description", "summary", "purpose", "action", "what it does", "details")
AUTH_COLUMNS = ("auth", "authentication", "auth required", "protected", "permission",
                "permissions", "login required")  # fmt: skip


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str  # a template with {params}, base included
    summary: str
    auth_required: bool
    base: str  # the base path a heading gave, or ""


@dataclass
class Found:
    endpoints: list[Endpoint]
    more: int = 0  # endpoints past the limit, not read


def endpoints(text: str) -> Found:
    """Every endpoint `text` lists, in order, each once (the first mention wins)."""
    found = Found([])
    seen: set[tuple[str, str]] = set()
    bases: list[tuple[int, str]] = []  # (heading level, base path)
    fenced = False
    table: dict | None = None  # the column positions of the table being read
    for raw in text.splitlines():
        line = raw[:LINE_CHARS]
        if FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        heading = HEADING.match(line)
        if heading:
            table = None
            level = len(heading.group(1))
            bases = [(lvl, base) for lvl, base in bases if lvl < level]
            base = _base_in(heading.group(2))
            if base:
                bases.append((level, base))
            continue
        base_line = BASE_LINE.match(line.strip().lstrip("-*+ "))
        if base_line and _base_in(base_line.group(1)):
            bases.append((7, _base_in(base_line.group(1))))  # until the next heading
            continue
        base = bases[-1][1] if bases else ""
        if line.lstrip().startswith("|"):
            cells = _cells(line)
            if table is None:
                table = _columns(cells)
                continue
            if all(set(cell) <= set(":- ") for cell in cells):
                continue  # the |---|---| line
            _add(found, seen, _from_row(cells, table, base))
            continue
        table = None
        item = LIST_ITEM.match(line)
        if item:
            summary = item.group(3).strip().strip("`*_ ")
            auth = bool(AUTH_IN_TEXT.search(summary))
            summary = AUTH_IN_TEXT.sub("", summary).strip(" -–—:")
            _add(found, seen, _endpoint(item.group(1), item.group(2), summary, auth, base))
    return found


def _add(found: Found, seen: set, endpoint: Endpoint | None) -> None:
    if endpoint is None or (endpoint.method, endpoint.path) in seen:
        return
    if len(found.endpoints) >= README_ENDPOINTS:
        found.more += 1
        return
    seen.add((endpoint.method, endpoint.path))
    found.endpoints.append(endpoint)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _columns(cells: list[str]) -> dict | None:
    """Where the method, path, summary and auth are, if this header row names a path column."""
    names = [re.sub(r"[^a-z ]", "", cell.lower()).strip() for cell in cells]
    path = next((i for i, name in enumerate(names) if name in PATH_COLUMNS), None)
    if path is None:
        return None
    method = next(
        (i for i, name in enumerate(names) if name in ("method", "verb", "http method")), None
    )
    summary = next((i for i, name in enumerate(names) if name in SUMMARY_COLUMNS), None)
    auth = next((i for i, name in enumerate(names) if name in AUTH_COLUMNS or "auth" in name), None)
    return {"method": method, "path": path, "summary": summary, "auth": auth}


def _from_row(cells: list[str], table: dict | None, base: str) -> Endpoint | None:
    if table is None:
        return None

    def cell(key: str) -> str:
        index = table[key]
        return cells[index] if index is not None and index < len(cells) else ""

    summary = cell("summary").strip("`*_ ")
    auth = bool(AUTH_YES.match(cell("auth").strip("`*_ "))) if table["auth"] is not None else False
    both = IN_CELL.fullmatch(cell("path"))
    if both:
        return _endpoint(both.group(1), both.group(2), summary, auth, base)
    path = PATH_ALONE.fullmatch(cell("path"))
    method = cell("method").strip("`*_ ").upper()
    if path is None or not re.fullmatch(METHOD, method):
        return None
    return _endpoint(method, path.group(1), summary, auth, base)


def _endpoint(method: str, path: str, summary: str, auth: bool, base: str) -> Endpoint:
    path = PARAM.sub(lambda m: "{" + (m.group(1) or m.group(2)) + "}", path)
    if base and not path.startswith(base.rstrip("/") + "/") and path != base:
        path = base.rstrip("/") + "/" + path.lstrip("/")
    return Endpoint(method.upper(), path, " ".join(summary.split())[:200], auth, base)


def _base_in(text: str) -> str:
    """The path a heading or a "Base URL" line names: `/api/v1`, (https://x.io/api), or ""."""
    for found in BASE_IN_TEXT.finditer(text):
        path = found.group(1).rstrip(".,:;")
        if len(path) > 1 and not path.startswith("//"):
            return PARAM.sub(lambda m: "{" + (m.group(1) or m.group(2)) + "}", path)
    return ""
