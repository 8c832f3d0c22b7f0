"""The mock's errors as RFC 9457 problem documents, shaped as Prism shapes its own.

A frontend that handles Prism's 422 (`validation`: [{"location": ["body", "lines", "0",
"quantity"], "severity": "Error", "code": "minimum", "message": …}]) handles ours alike.
"""

import json

from flask import Response

TYPE = "https://nexus-board.dev/problems/"
TITLES = {
    400: ("BAD_REQUEST", "Bad request"),
    401: ("UNAUTHORIZED", "Invalid security scheme used"),
    404: ("NO_PATH_MATCHED_ERROR", "Route not resolved, no path matched"),
    405: ("NO_METHOD_MATCHED_ERROR", "Route resolved, but no method matched"),
    413: ("PAYLOAD_TOO_LARGE", "Request body too large"),
    422: ("UNPROCESSABLE_ENTITY", "Invalid request"),
    429: ("TOO_MANY_REQUESTS", "Too many requests"),
}


def problem(status: int, detail: str, *, headers=None, **extra) -> Response:
    """`application/problem+json` with type, title, status, detail and `extra` members."""
    kind, title = TITLES.get(status, ("ERROR", "Error"))
    body = {"type": TYPE + kind, "title": title, "status": status, "detail": detail, **extra}
    response = Response(
        json.dumps(body, ensure_ascii=False), status=status, mimetype="application/problem+json"
    )
    response.headers.extend(headers or {})
    return response


def item(location: list, message: str, code: str = "type") -> dict:
    """One entry of a 422's `validation` list."""
    return {"location": location, "severity": "Error", "code": code, "message": message}
