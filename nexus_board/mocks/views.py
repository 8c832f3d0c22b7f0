"""The mock server: any method on any path of a project, answered from its contracts' examples.

No sign-in and no cookies; CORS lets a frontend dev server on another origin call it. It only
ever echoes stored examples: nothing the contract describes is run.
"""

from datetime import UTC, date, datetime, time

from flask import Response, request
from flask_limiter.util import get_remote_address
from werkzeug.http import http_date

from ..extensions import limiter
from . import bp, checks, choosing, dynamic, matching
from .problems import problem
from .table import routes_for
from .throttle import throttle

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
NO_BODY = {204, 205, 304}
EXPOSED = (
    "Allow, Deprecation, Retry-After, Sunset, X-Mock-Route, X-Mock-Example, X-Mock-Dynamic, "
    "X-RateLimit-Limit, X-RateLimit-Remaining"
)


@limiter.request_filter
def skip_limiter() -> bool:
    """Flask-Limiter's own check costs a fifth of a mock request: `throttle` counts them."""
    return request.path.startswith("/mock/")


@bp.route("/<slug>/", defaults={"path": ""}, methods=METHODS)
@bp.route("/<slug>/<path:path>", methods=METHODS)
def serve(slug, path):
    refused = over_limit()
    if refused is not None:
        return refused
    table = routes_for(slug)
    if table is None:
        return problem(404, f"There is no project {slug!r} to mock.", routes=[])
    if request.method == "OPTIONS":
        return _options(table, "/" + path)
    method = "GET" if request.method == "HEAD" else request.method
    found = matching.find(table, method, "/" + path)
    if found.route is None and not found.allowed:
        message = f"{table['project']} has no contract for {method} /{path}."
        return problem(404, message, routes=_listing(table))
    if found.route is None:
        allow = ", ".join([*found.allowed, "OPTIONS"])
        message = f"/{path} takes {', '.join(found.allowed)}, not {method}."
        return problem(405, message, headers={"Allow": allow})
    response = _answer(found.route, matching.path_values(found.route, "/" + path))
    # Every answer of a route says which it is, and a deprecated one says so (its 401s too).
    response.headers["X-Mock-Route"] = f"{found.route['method']} {found.route['template']}"
    _deprecation(found.route, response)
    return response


def over_limit():
    """The 429 for a client past the mock's rate limit (REST and GraphQL alike), else None."""
    if not limiter.enabled:
        return None
    verdict = throttle().hit(get_remote_address(), limiter.storage)
    if verdict.allowed:
        return None
    return problem(
        429, f"Slow down: at most {verdict.limit} mock requests per window from one address.",
        headers={"Retry-After": str(verdict.retry_after), "X-RateLimit-Limit": str(verdict.limit),
                 "X-RateLimit-Remaining": "0"},
    )  # fmt: skip


def _answer(route: dict, path_values: dict):
    refused = checks.problems(route, path_values)
    if refused is not None:
        return refused
    wanted = choosing.preferences(request.headers.get("Prefer"))
    try:
        choice = choosing.choose(route, wanted, path_values)
    except choosing.NoSuchResponse as missing:
        return problem(400, str(missing))
    body, generated = choice.example, None
    if wanted.dynamic and choice.status not in NO_BODY:
        seed = dynamic.seed_for(wanted.seed)
        key = (route["schemas_digest"], choice.status)
        generated = dynamic.generated(key, route["schemas"].get(choice.status),
                                      route["components"], seed)  # fmt: skip
        body = generated or body
    if body is None or choice.status in NO_BODY:
        response = Response(status=choice.status)
        del response.headers["Content-Type"]
    else:
        response = Response(body, status=choice.status, mimetype="application/json")
    response.headers["X-Mock-Example"] = choice.name
    if wanted.dynamic:
        response.headers["X-Mock-Dynamic"] = "generated" if generated else "example"
    return response


def _deprecation(route: dict, response: Response) -> None:
    """A deprecated contract says so as its real endpoint will: RFC 9745 and RFC 8594."""
    if route.get("deprecated_at") is not None:
        response.headers["Deprecation"] = f"@{route['deprecated_at']}"
    if route.get("sunset"):
        end = datetime.combine(date.fromisoformat(route["sunset"]), time(23, 59, 59), UTC)
        response.headers["Sunset"] = http_date(end)


def _options(table: dict, path: str):
    """CORS preflight (and plain OPTIONS): which methods this path takes."""
    methods = sorted({r["method"] for r in matching.candidates(table, path)})
    response = Response(status=204)
    del response.headers["Content-Type"]
    response.headers["Allow"] = ", ".join([*methods, "OPTIONS"])
    if request.headers.get("Access-Control-Request-Method"):
        # An unknown path still passes the preflight, so the page can read the 404 that lists
        # the routes instead of a bare CORS failure.
        response.headers["Access-Control-Allow-Methods"] = ", ".join(methods or METHODS)
        asked = request.headers.get("Access-Control-Request-Headers")
        if asked:
            response.headers["Access-Control-Allow-Headers"] = asked
        response.headers["Access-Control-Max-Age"] = "600"
    return response


def _listing(table: dict) -> list[str]:
    return [f"{r['method']} {r['template']}" for r in table["routes"]]


@bp.after_request
def cross_origin(response: Response) -> Response:
    """Any origin may call the mocks: they take no cookies and hold only public examples."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = EXPOSED
    response.headers["Cache-Control"] = "no-store"  # an edited example shows at once
    return response
