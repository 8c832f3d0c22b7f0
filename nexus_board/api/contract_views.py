"""Contracts over JSON: list (filters, cursor, ETag), one with its history, post, update."""

from flask import g, jsonify, request, url_for

from ..board import queries as board_queries
from ..board import services
from ..board.filters import BoardFilters
from ..board.lookup import GONE, get_contract
from ..board.policy import HIDDEN
from ..board.specs import draft_of
from ..caching import cached_page
from ..errors import Conflict, Invalid, NotFound
from ..extensions import db, limiter
from ..models import ContractStatus, HttpMethod, TokenScope
from ..ratelimits import rate
from . import bp, present, queries
from .auth import token_required
from .inputs import draft_from, json_errors
from .paging import body, choice, limit_from

SHOWN = ("board", "profiles")  # contracts, and the names of their people


@bp.get("/contracts")
@cached_page(*SHOWN, everyone=True)
def contracts():
    args = request.args
    filters = BoardFilters(
        q=" ".join(args.get("q", "").split())[:100],
        project=args.get("project", "")[:80],
        method=choice(args, "method", list(HttpMethod)) or "",
        tag=args.get("tag", "").lower()[:30],
    )
    status = choice(args, "status", [s.value for s in ContractStatus])
    people = {role: args.get(role, "")[:32] for role in ("author", "claimer")}
    page = queries.contracts(
        filters, status and ContractStatus(status), people, args.get("cursor"), limit_from(args)
    )
    return body(page, present.contract, lambda cursor: _next_url(cursor))


@bp.get("/contracts/<int:contract_id>")
@cached_page(*SHOWN, everyone=True)
def contract(contract_id):
    row = queries.contract(contract_id) or _gone()
    if row.hidden_at is not None:  # the API's reads are public, cached for everyone
        raise NotFound(HIDDEN)
    data = present.contract(row)
    data["history"] = [present.revision(r) for r in board_queries.revisions_of(contract_id)]
    return data


@bp.post("/contracts")
@token_required(scope=TokenScope.WRITE)
@limiter.limit(rate("api_post"), key_func=lambda: f"api-author/{g.api_user.id}")
def post_contract():
    draft = draft_from(request.get_json())
    try:
        row = services.create_contract(draft, g.api_user)
    except services.Duplicate as duplicate:
        raise Conflict(
            f"{duplicate.message} Update it at {_url(duplicate.existing.id)} instead."
        ) from None
    except Invalid as error:
        raise json_errors(error) from None
    db.session.commit()
    response = jsonify(present.contract(queries.contract(row.id)))
    response.status_code = 201
    response.headers["Location"] = _url(row.id)
    return response


@bp.patch("/contracts/<int:contract_id>")
@token_required(scope=TokenScope.WRITE)
@limiter.limit(rate("api_edit"), key_func=lambda: f"api-author/{g.api_user.id}")
def update_contract(contract_id):
    row = get_contract(contract_id, full=True)
    if row.is_draft:  # drafts never reach the API: their author edits them on the board
        raise NotFound(GONE)
    data = request.get_json()
    if not isinstance(data, dict):
        raise Invalid("Send the changes as a JSON object.", errors={"$": "Expected an object."})
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise Invalid(
            "Say which version you edited, so nobody's change is overwritten.",
            errors={"version": f"Send the version you read (now {row.version})."},
        )
    draft = draft_from({k: v for k, v in data.items() if k != "version"}, base=draft_of(row))
    try:
        revision = services.update_contract(row, draft, g.api_user, expected_version=version)
    except services.StaleEdit as stale:
        raise Conflict(stale.message) from None
    except services.Duplicate as duplicate:
        raise Conflict(duplicate.message) from None
    except Invalid as error:
        raise json_errors(error) from None
    db.session.commit()
    data = present.contract(queries.contract(contract_id))
    data["revision"] = present.revision(revision) if revision else None
    return data


def _gone():
    raise NotFound(GONE)


def _url(contract_id: int) -> str:
    return url_for("api.contract", contract_id=contract_id, _external=True)


def _next_url(cursor: str) -> str:
    args = {k: v for k, v in request.args.items() if k != "cursor"}
    return url_for("api.contracts", **args, cursor=cursor, _external=True)
