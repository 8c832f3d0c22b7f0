"""CORS for the API: its reads are public and its writes need a token, never a cookie."""

from flask import Response, request

from . import bp

EXPOSED = "ETag, Location, Retry-After, WWW-Authenticate"


@bp.after_request
def cross_origin(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = EXPOSED
    if request.method == "OPTIONS" and request.headers.get("Access-Control-Request-Method"):
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, PATCH"
        response.headers["Access-Control-Allow-Headers"] = (
            "Authorization, Content-Type, If-None-Match"
        )
        response.headers["Access-Control-Max-Age"] = "600"
    return response
