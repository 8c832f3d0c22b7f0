"""`/mock/<project>/graphql`: GraphQL over HTTP (POST JSON, or GET with `query`), answered from
the project's schema and its contracts' examples, with no SQL per request.

An operation whose name and document match a contract gets its example; any other valid one
data made up from the schema's types; an invalid one `errors` with `locations`, as a server
would send. `Prefer: example=<name>` picks a contract's example by its operation's name.
"""

import json
import re

from flask import Response, request
from graphql import execute_sync
from graphql.execution.values import get_variable_values

from .. import json_values
from ..errors import json_error
from ..gql.documents import Problem, operation
from ..gql.reading import built
from ..gql.shapes import TooLarge, introspection, made_up, mismatches
from . import bp
from .graphql_table import mock_for
from .views import over_limit

PREFER_EXAMPLE = re.compile(r"(?:^|[\s,;])example\s*=\s*\"?([_A-Za-z][_0-9A-Za-z]*)\"?")
GRAPHQL_RESPONSE = "application/graphql-response+json"


@bp.route("/<slug>/graphql", methods=["GET", "POST", "OPTIONS"])
def graphql(slug):
    refused = over_limit()
    if refused is not None:
        return refused
    mock = mock_for(slug)
    if mock is None:
        return json_error(404, f"There is no GraphQL project {slug!r} with a schema to mock.")
    if request.method == "OPTIONS":
        return _preflight()
    params = _params()
    if isinstance(params, Response):
        return params
    query, variables, name = params
    schema = built(mock["sdl"])
    try:
        found = operation(schema, query, name)
    except Problem as problem:
        return _answer({"errors": problem.errors}, failed=True)
    if found.kind == "subscription":
        return _answer({"errors": [{"message": "The mock answers queries and mutations only."}]},
                       failed=True)  # fmt: skip
    if found.kind == "mutation" and request.method == "GET":
        return json_error(405, "Send mutations with POST.", headers={"Allow": "POST, OPTIONS"})
    coerced = get_variable_values(schema, found.node.variable_definitions or [], variables)
    if isinstance(coerced, list):
        return _answer({"errors": [error.formatted for error in coerced]}, failed=True)
    return _respond(mock, schema, found)


def _respond(mock: dict, schema, found) -> Response:
    if introspection(found):
        return _introspect(schema, found)
    preferred = PREFER_EXAMPLE.search(request.headers.get("Prefer", ""))
    if preferred:
        chosen = mock["operations"].get(preferred.group(1))
        if chosen is None:
            names = ", ".join(sorted(mock["operations"])) or "none"
            return json_error(
                400, f"No contract's operation is named {preferred.group(1)!r}; they are: {names}."
            )
        return _example(chosen, preferred.group(1))
    chosen = mock["operations"].get(found.name or "")
    if chosen is not None and _matches(chosen, schema, found):
        return _example(chosen, found.name)
    try:
        data = made_up(schema, found)
    except TooLarge:
        return _answer(
            {"errors": [{"message": "The answer would be too large to make up."}]}, failed=True
        )
    return _answer({"data": data}, route="generated")


def _introspect(schema, found) -> Response:
    """Introspection (GraphiQL's docs, codegen) is answered by the schema itself."""
    result = execute_sync(schema, found.document, operation_name=found.name)
    body = {"data": result.data} | (
        {"errors": [e.formatted for e in result.errors]} if result.errors else {}
    )
    return _answer(body, route="introspection")


def _matches(chosen: dict, schema, found) -> bool:
    """The same document (spacing and comments aside), or one its example answers exactly."""
    if chosen["printed"] == found.printed:
        return True
    example = json.loads(chosen["response"] or "{}")
    return isinstance(example.get("data"), dict) and not mismatches(schema, found, example["data"])


def _params():
    """(query, variables, operationName) from the request, or a 400 saying what is wrong."""
    if request.method == "GET":
        values = request.args
        variables = values.get("variables") or None
    else:
        if not request.is_json:
            return json_error(415, 'Send a JSON body: {"query": "…", "variables": {…}}.')
        values = request.get_json(silent=True)
        if not isinstance(values, dict):
            return json_error(400, "The body is not a JSON object.")
        variables = values.get("variables")
    query, name = values.get("query"), values.get("operationName")
    if not isinstance(query, str) or not query.strip():
        return json_error(400, "Send the operation as `query`.")
    if isinstance(variables, str):  # GET sends them as JSON text
        try:
            variables = json_values.loads(variables)
        except json_values.Refused as error:
            return json_error(400, f"`variables` is not JSON: {error}")
    if variables is not None and not isinstance(variables, dict):
        return json_error(400, "`variables` must be a JSON object.")
    if name is not None and not isinstance(name, str):
        return json_error(400, "`operationName` must be a string.")
    return query, variables or {}, name or None


def _example(chosen: dict, name: str) -> Response:
    response = Response(chosen["response"], mimetype=_mimetype())
    response.headers["X-Mock-Route"] = f"example {name}"
    return response


def _answer(body: dict, *, failed: bool = False, route: str = "errors") -> Response:
    """Errors without data are a 400 to a client that asks for the GraphQL response type, and
    a 200 to a plain JSON client (the GraphQL over HTTP spec's two cases)."""
    status = 400 if failed and _mimetype() == GRAPHQL_RESPONSE else 200
    response = Response(json.dumps(body, ensure_ascii=False), status, mimetype=_mimetype())
    response.headers["X-Mock-Route"] = route
    return response


def _mimetype() -> str:
    best = request.accept_mimetypes.best_match([GRAPHQL_RESPONSE, "application/json"])
    return best or "application/json"


def _preflight() -> Response:
    response = Response(status=204)
    del response.headers["Content-Type"]
    response.headers["Allow"] = "GET, POST, OPTIONS"
    if request.headers.get("Access-Control-Request-Method"):
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        asked = request.headers.get("Access-Control-Request-Headers")
        if asked:
            response.headers["Access-Control-Allow-Headers"] = asked
        response.headers["Access-Control-Max-Age"] = "600"
    return response
