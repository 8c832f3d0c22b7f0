"""The mock server: any method on any path of a project, answered from its contracts' examples.

No sign-in and no cookies; CORS lets a frontend dev server on another origin call it. It only
ever echoes stored examples: nothing the contract describes is run.
"""

from flask import Response, current_app, request

from .. import json_values
from ..errors import json_error
from ..extensions import limiter
from ..limits import MOCK_CHECKED_VALUES
from ..openapi.schema import errors as schema_errors
from . import bp, matching
from .table import routes_for

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
NO_BODY = {204, 205, 304}
EXPOSED = "Allow, Retry-After, X-Mock-Route, X-RateLimit-Limit, X-RateLimit-Remaining"


def mock_limit() -> str:
    return current_app.config["MOCK_RATE_LIMIT"]


@bp.route("/<slug>/", defaults={"path": ""}, methods=METHODS)
@bp.route("/<slug>/<path:path>", methods=METHODS)
@limiter.limit(mock_limit)
def serve(slug, path):
    table = routes_for(slug)
    if table is None:
        return json_error(404, f"There is no project {slug!r} to mock.", routes=[])
    if request.method == "OPTIONS":
        return _options(table, "/" + path)
    method = "GET" if request.method == "HEAD" else request.method
    found = matching.find(table, method, "/" + path)
    if found.route is None and not found.allowed:
        message = f"{table['project']} has no contract for {method} /{path}."
        return json_error(404, message, routes=_listing(table))
    if found.route is None:
        allow = ", ".join([*found.allowed, "OPTIONS"])
        message = f"/{path} takes {', '.join(found.allowed)}, not {method}."
        return json_error(405, message, headers={"Allow": allow})
    return _answer(found.route)


def _answer(route: dict):
    schema = route["request_schema"]
    if schema is not None and request.method in BODY_METHODS:
        problems = _body_problems(schema)
        if problems is not None:
            return problems
    try:
        status, example = matching.choose(route, request.headers.get("Prefer"))
    except matching.NoSuchResponse as missing:
        codes = ", ".join(map(str, sorted(route["responses"])))
        return json_error(400, f"The contract has no {missing.args[0]} response; it has {codes}.")
    if example is None or status in NO_BODY:
        response = Response(status=status)
        del response.headers["Content-Type"]
    else:
        response = Response(example, status=status, mimetype="application/json")
    response.headers["X-Mock-Route"] = f"{route['method']} {route['template']}"
    return response


def _body_problems(schema: dict):
    raw = request.get_data(cache=False)
    if not raw.strip():
        found = [{"path": "$", "message": "The request has no body: send JSON like the example."}]
        return json_error(422, "The request body does not match the contract.", errors=found)
    try:
        body = json_values.loads(raw, values=MOCK_CHECKED_VALUES)
    except json_values.TooMany:
        message = (
            f"The request body holds more than {MOCK_CHECKED_VALUES:,} values: the mock checks "
            "bodies up to that size against the contract. Send a smaller one."
        )
        return json_error(413, message)
    except json_values.Refused as error:
        return json_error(400, f"The request body is not accepted: {error}")
    found = schema_errors(schema, body)
    if found:
        return json_error(422, "The request body does not match the contract.", errors=found)
    return None


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
