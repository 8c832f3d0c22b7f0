"""Each project's mock routes, compiled once per contract change and kept in every process.

A mock request reads its project's table from this process's copy (no database, no session, no
user); the copy checks the "mocks" generation about once a second. Every contract write that
changes a method, path or example moves that generation when it commits.
"""

import logging

from sqlalchemy import select

from ..board import examples, paths
from ..board import queries as board_queries
from ..caching import process_copy
from ..extensions import db
from ..models import Contract, Project
from ..openapi.schema import infer
from . import matching

log = logging.getLogger(__name__)


def routes_for(slug: str) -> dict | None:
    """{"project": name, "routes": [...], "tree": ...} for the project `slug`, or None."""
    # Unknown names must not cost a query each: one copy of the project names answers them.
    if slug not in process_copy("mocks/projects", "mocks", compute=_project_slugs):
        return None
    return process_copy(f"mocks/routes/{slug}", "mocks", compute=lambda: _compile(slug))


def _project_slugs() -> frozenset[str]:
    return frozenset(db.session.scalars(select(Project.slug)))


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
