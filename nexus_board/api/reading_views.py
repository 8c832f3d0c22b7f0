"""The rest of the API: its own OpenAPI document, projects, learners, updates, and `me`."""

from flask import g, jsonify, request, url_for

from ..caching import cached_page
from ..errors import NotFound
from ..models import Track
from ..profiles.queries import snapshot, top_learnings
from ..updates import queries as updates
from ..updates.filters import filters_from
from . import bp, present, queries
from .auth import token_required
from .paging import body, choice, limit_from
from .spec import api_document


@bp.get("/")
def index():
    """Where everything is, for people who start at the root."""
    return {
        "openapi": url_for("api.openapi", _external=True),
        "docs": url_for("openapi.api_docs", _external=True),
        "contracts": url_for("api.contracts", _external=True),
        "projects": url_for("api.projects", _external=True),
        "learners": url_for("api.learners", _external=True),
        "updates": url_for("api.updates", _external=True),
    }


@bp.get("/openapi.json")
def openapi():
    response = jsonify(api_document(url_for("api.index", _external=True).rstrip("/")))
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/projects")
@cached_page("board", everyone=True)
def projects():
    return {"items": [present.project(row, count) for row, count in queries.projects()]}


@bp.get("/learners")
@cached_page("profiles", everyone=True)
def learners():
    track = choice(request.args, "track", [t.value for t in Track])
    page = queries.learners(track, request.args.get("cursor"), limit_from(request.args))
    learnings = top_learnings(user.id for user in page.items)
    return body(
        page,
        lambda user: present.learner(user, learnings.get(user.id, ())),
        lambda cursor: _next("api.learners", cursor),
    )


@bp.get("/learners/<username>")
@cached_page("profiles", everyone=True)
def learner(username):
    user = queries.learner(username)
    if user is None:
        raise NotFound(f"There is no learner called {username!r}.")
    return present.profile(user, snapshot(user))


@bp.get("/updates", endpoint="updates")
@cached_page("updates", "profiles", everyone=True)
def updates_feed():
    """The feed, newest first; unfiltered, the first page also lists pinned announcements."""
    filters = filters_from(request.args)
    cursor = request.args.get("cursor")
    page = updates.feed_page(filters, cursor, limit_from(request.args), tags=True)
    data = body(page, present.update, lambda cursor: _next("api.updates", cursor))
    data["pinned"] = [present.update(row) for row in page.pinned]
    return data


@bp.get("/me")
@token_required
def me():
    """Whose token this is: a quick check for scripts."""
    return present.learner(g.api_user)


def _next(endpoint: str, cursor: str) -> str:
    args = {k: v for k, v in request.args.items() if k != "cursor"}
    return url_for(endpoint, **args, cursor=cursor, _external=True)
