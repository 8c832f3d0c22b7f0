"""Each project's mock routes, compiled once per contract change and kept in every process.

A mock request reads its project's table from this process's copy (no database, no session, no
user); the copy checks the "mocks" generation about once a second. Every contract write that
changes a method, path or example moves that generation when it commits.
"""

import hashlib
import json
import logging

from sqlalchemy import select

from ..board import examples, mock_rules, paths
from ..board import queries as board_queries
from ..board.operations import effective
from ..board.specs import ContractSpec
from ..caching import process_copy
from ..extensions import db
from ..models import Contract, Project
from ..schemas.refs import names_used
from . import matching

log = logging.getLogger(__name__)


def routes_for(slug: str) -> dict | None:
    """{"project": name, "routes": [...], "tree": ...} for the project `slug`, or None."""
    if not known(slug):
        return None
    return process_copy(f"mocks/routes/{slug}", "mocks", compute=lambda: _compile(slug))


def known(slug: str) -> bool:
    """Whether a project `slug` exists. Unknown names must not cost a query each: one copy of
    the project names answers them."""
    return slug in process_copy("mocks/projects", "mocks", compute=_project_slugs)


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
    checks = _checks(contract)
    return {
        "method": str(contract.method),
        "template": contract.path,
        "contract": contract.id,
        # Generated answers are kept per process by what they are made from (never stale, even
        # when shared components change or a restored database reuses an id and version).
        "schemas_digest": _digest(checks["schemas"], checks["components"]),
        "segments": [list(parts) for parts in template.segments()],
        "params": len(template.params),
        # Stored examples by status and name, echoed as written; None means no body.
        "responses": {r.status_code: _named(r) for r in contract.responses},
        "dispatch": mock_rules.rules(contract.dispatch),
        "auth": contract.auth_required,
        **checks,
        # Sent as the Deprecation (RFC 9745) and Sunset (RFC 8594) headers.
        "deprecated_at": int(contract.deprecated_at.timestamp()) if contract.deprecated else None,
        "sunset": contract.sunset.isoformat() if contract.sunset else None,
    }


def _digest(*values) -> str:
    text = json.dumps(values, sort_keys=True, default=str)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _checks(contract: Contract) -> dict:
    """What requests are checked with: the body's schema, the query and header parameters'.

    None and [] (no checks) for a contract whose examples cannot be read any more.
    """
    none = {"request_schema": None, "parameters": [], "components": {}, "schemas": {}}
    if examples.problem([contract.request_example]):  # saved before deep examples were refused
        log.warning("contract %s: request example too deep to check bodies with", contract.id)
        return none
    try:
        endpoint = effective(ContractSpec.of(contract)).operation
        checked = [endpoint.body, *(p.schema for p in endpoint.parameters)]
        checked += list(endpoint.responses.values())
        names_used(checked, endpoint.components, strict=True)  # every $ref lands somewhere
    except (ValueError, RecursionError, KeyError, TypeError):  # one contract breaks no mock
        log.warning("contract %s: its schemas cannot be read to check requests", contract.id)
        return none
    checked = [
        {"name": p.name, "in": p.location, "required": p.required, "schema": p.schema}
        for p in endpoint.parameters
    ]
    # Response schemas, for `Prefer: dynamic=true`.
    return {"request_schema": endpoint.body, "parameters": checked,
            "components": endpoint.components, "schemas": dict(endpoint.responses)}  # fmt: skip


def _named(response) -> dict:
    """{"default": the example, "missing": …}: the names `Prefer: example=` picks among."""
    stored = mock_rules.named(response.examples)
    named = {name: examples.dump(value) for name, value in stored.items()}
    return {mock_rules.DEFAULT: response.example, **named}
