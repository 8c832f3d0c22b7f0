"""Each project's mock routes, compiled once per contract change and kept in the shared cache.

A mock request reads the "mocks" generation and then its project's table: no database, no
session, no user. Every write that changes a method, path or example calls
`invalidate("mocks")`, which retires every table at once.
"""

import logging

from sqlalchemy import select

from ..board import examples, paths
from ..board import queries as board_queries
from ..caching import generations
from ..extensions import cache, db
from ..models import Contract, Project
from ..openapi.schema import infer
from . import matching

log = logging.getLogger(__name__)
# In the key: tables cached by an older release (one regex per route) are never read back.
TABLE_FORMAT = "segments"


def routes_for(slug: str) -> dict | None:
    """{"project": name, "routes": [...]} for the project `slug`, or None if there is none."""
    marks = generations("mocks")
    if not marks:  # the cache is down: answer from the database
        return _compile(slug)
    key = f"mock/routes/{TABLE_FORMAT}/{marks}/{slug}"
    table = _read(key)
    if table is not None:
        return table
    # Unknown names must not cost a query each: one cached list of projects answers them.
    known_key = f"mock/projects/{marks}"
    known = _read(known_key)
    if known is None:
        known = set(db.session.scalars(select(Project.slug)))
        _write(known_key, known)
    if slug not in known:
        return None
    table = _compile(slug)
    if table is not None:
        _write(key, table)
    return table


def _compile(slug: str) -> dict | None:
    found = board_queries.project_with_contracts(slug)
    if found is None:
        return None
    project, contracts = found
    routes = [_route(contract) for contract in contracts]
    # Literal segments win over parameters: /items/new before /items/{id}.
    routes.sort(key=lambda r: (r["params"], -len(r["template"]), r["template"], r["method"]))
    return {"project": project.name, "routes": routes, "tree": matching.tree(routes)}


def _route(contract: Contract) -> dict:
    template = paths.stored(contract.path)
    return {
        "method": str(contract.method),
        "template": contract.path,
        "segments": [list(parts) for parts in template.segments()],
        "params": len(template.params),
        # Stored examples, echoed as written; None means the response has no body.
        "responses": {r.status_code: r.example for r in contract.responses},
        "request_schema": _request_schema(contract),
    }


def _request_schema(contract: Contract) -> dict | None:
    """The schema request bodies are checked with; None (no check) if the example has none."""
    if contract.request_example is None:
        return None
    try:
        return infer(examples.load(contract.request_example))
    except (ValueError, RecursionError):  # saved before deep examples were refused
        log.warning("contract %s: request example too deep to check bodies with", contract.id)
        return None


def _read(key: str):
    try:
        return cache.get(key)
    except Exception:
        log.exception("cache unavailable while reading %s", key)
        return None


def _write(key: str, value) -> None:
    try:
        cache.set(key, value)
    except Exception:
        log.exception("cache unavailable while writing %s", key)
