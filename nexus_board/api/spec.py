"""The API's own OpenAPI 3.1 document, served at /api/v1/openapi.json.

Tests validate it and run schemathesis against it, so it must say what the views do.
"""

from ..models import ContractStatus, HttpMethod, Track
from ..numbers import LARGEST_ID
from .paging import MAX_LIMIT
from .spec_schemas import SCHEMAS, ref

ERRORS = {
    400: "The query or body is malformed (the message says how)",
    401: "No token, or an unknown or revoked one",
    403: "The token's owner may not do this",
    404: "Not found",
    405: "Method not allowed",
    409: "A conflict: the contract changed, or the endpoint exists already",
    415: "Send JSON (Content-Type: application/json)",
    422: "Invalid fields: `errors` maps each to its message",
    429: "Too many requests: wait Retry-After seconds",
}
CURSOR = {"name": "cursor", "in": "query", "schema": {"type": "string"},
          "description": "`next_cursor` of the previous page."}  # fmt: skip
LIMIT = {"name": "limit", "in": "query", "description": "Items per page (default 20).",
         "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT}}  # fmt: skip
CONTRACT_ID = {"name": "contract_id", "in": "path", "required": True,
               "schema": {"type": "integer", "minimum": 1, "maximum": LARGEST_ID}}  # fmt: skip


def query(name: str, description: str, **schema) -> dict:
    return {"name": name, "in": "query", "description": description,
            "schema": {"type": "string", **schema}}  # fmt: skip


def json_body(schema: str, description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": ref(schema)}}}  # fmt: skip


def operation(summary: str, ok: tuple[int, str, str], *errors: int, **extra) -> dict:
    status, schema, description = ok
    responses = {str(status): json_body(schema, description)}
    if extra.pop("conditional", False):
        responses["304"] = {"description": "Not modified since the ETag you sent"}
    for code in sorted({*errors, 429}):
        responses[str(code)] = json_body("Error", ERRORS[code])
    return {"summary": summary, **extra, "responses": responses}


def reading(summary: str, schema: str, *errors: int, **extra) -> dict:
    """A public, cached read: ETag and If-None-Match → 304."""
    return operation(summary, (200, schema, "OK"), *errors, conditional=True, **extra)


def writing(summary: str, ok: tuple[int, str, str], body: str, *errors: int) -> dict:
    return operation(
        summary, ok, 400, 401, 403, 415, 422, *errors,
        requestBody={"required": True, "content": {"application/json": {"schema": ref(body)}}},
        security=[{"token": []}],
    )  # fmt: skip


CONTRACT_FILTERS = [
    query("project", "A project's slug, like e-commerce-api."),
    query("method", "HTTP method.", enum=[m.value for m in HttpMethod]),
    query("status", "Lifecycle status.", enum=[s.value for s in ContractStatus]),
    query("tag", "A tag."),
    query("q", "Text in the path or summary."),
    query("author", "Username of the backend learner who posted it."),
    query("claimer", "Username of the frontend learner who claimed it."),
    CURSOR,
    LIMIT,
]

PATHS = {
    "/": {"get": operation("Links to every list", (200, "Index", "OK"))},
    "/contracts": {
        "get": reading("Contracts, newest first", "ContractPage", 400, parameters=CONTRACT_FILTERS),
        "post": writing(
            "Post a contract as the token's owner (backend learners)",
            (201, "Contract", "Posted"),
            "ContractInput",
            409,
        ),
    },  # fmt: skip
    "/contracts/{contract_id}": {
        "parameters": [CONTRACT_ID],
        "get": reading("One contract with its history of edits", "ContractWithHistory", 404),
        "patch": writing(
            "Change a contract (its author or an admin); send the version you read",
            (200, "ContractSaved", "Saved (revision is null if nothing changed)"),
            "ContractChanges",
            404,
            409,
        ),
    },  # fmt: skip
    "/projects": {"get": reading("Projects with their OpenAPI and mock URLs", "ProjectList")},
    "/learners": {
        "get": reading(
            "Learners' public profiles, by username",
            "LearnerPage",
            400,
            parameters=[
                query("track", "backend or frontend", enum=[t.value for t in Track]),
                CURSOR,
                LIMIT,
            ],
        ),
    },  # fmt: skip
    "/learners/{username}": {
        "parameters": [
            {"name": "username", "in": "path", "required": True, "schema": {"type": "string"}}
        ],
        "get": reading("One learner's whole public profile", "LearnerProfile", 404),
    },  # fmt: skip
    "/updates": {
        "get": reading(
            "Status updates, newest first; pinned announcements on the first page",
            "UpdatePage",
            400,
            404,
            parameters=[
                query("tag", "A #tag, without the #."),
                query("learner", "An author's username."),
                CURSOR,
                LIMIT,
            ],
        ),
    },  # fmt: skip
    "/me": {
        "get": operation(
            "The owner of the token", (200, "Learner", "OK"), 401, security=[{"token": []}]
        ),
    },  # fmt: skip
}


def api_document(server_url: str) -> dict:
    """The document, with this deployment's API root as its server."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Nexus Board API",
            "version": "1",
            "description": (
                "Read contracts, projects, learners and updates; post and update contracts "
                "with a personal access token (Account settings → API tokens), sent as "
                "`Authorization: Bearer <token>`. Lists are paged with `cursor` and answer "
                "304 to `If-None-Match` with their ETag."
            ),
        },
        "servers": [{"url": server_url}],
        "paths": PATHS,
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
        },
    }
