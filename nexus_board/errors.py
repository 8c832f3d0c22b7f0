"""Domain errors and the one place that turns any error into a response."""

import logging

from flask import Flask, jsonify, request
from sqlalchemy.exc import DataError
from werkzeug.exceptions import HTTPException, InternalServerError

from .extensions import db, htmx

log = logging.getLogger(__name__)

TITLES = {
    400: "Bad request",
    401: "Sign in required",
    403: "Not allowed",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Too large",
    415: "Unsupported file",
    422: "Check your input",
    429: "Too many requests",
    500: "Something went wrong",
    503: "Unavailable",
}
# Headers a client needs to act on the error.
PASSED_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate")


class DomainError(Exception):
    """A rule of the product was broken; `status` says which kind of 4xx it is."""

    status = 400

    def __init__(self, message: str, *, errors: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}


class Invalid(DomainError):
    """Input that breaks a rule; `errors` maps field names to messages."""

    status = 422


class Forbidden(DomainError):
    status = 403


class NotFound(DomainError):
    status = 404


class Conflict(DomainError):
    status = 409


def wants_json() -> bool:
    """API and mock clients get JSON errors; browsers get pages or htmx fragments."""
    if request.path.startswith(("/api/", "/mock/")):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json" and not htmx


def json_error(status: int, message: str, *, headers=None, **extra):
    """The one shape of a JSON error: {"error": title, "message", "status", …`extra`}."""
    response = jsonify(error=TITLES.get(status, "Error"), message=message, status=status, **extra)
    response.status_code = status
    response.headers.extend(headers or {})
    return response


def error_response(status: int, message: str, headers=None):
    """Render an error as JSON, a full page, or (for htmx) a message swapped into #flash."""
    from .rendering import render  # rendering imports errors' siblings; avoid a cycle

    if wants_json():
        response = json_error(status, message)
    else:
        title = TITLES.get(status, "Error")
        response = render(
            "errors/error.html", "message", status=status, title=title, message=message
        )
        if htmx:
            # Show the message where every page keeps its notices, whatever the target was.
            response.headers["HX-Retarget"] = "#flash"
            response.headers["HX-Reswap"] = "innerHTML"
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def handle_http_error(error: HTTPException):
    if error.code is None or error.code < 400:
        return error
    passed = {k: v for k, v in error.get_headers() if k in PASSED_HEADERS}
    if error.response is not None:
        passed.update({k: v for k, v in error.response.headers if k in PASSED_HEADERS})
    return error_response(error.code, error.description or TITLES.get(error.code, ""), passed)


def handle_domain_error(error: DomainError):
    return error_response(error.status, error.message)


def handle_out_of_range(error: Exception):
    """A number too large for the database, or a value it cannot store: the client's fault."""
    db.session.rollback()
    log.warning("refused out-of-range input on %s: %s", request.path, error)
    return error_response(400, "A value in the request is out of range.")


def handle_server_error(error: InternalServerError):
    db.session.rollback()
    original = getattr(error, "original_exception", None)
    if original is not None:
        log.exception("unhandled error on %s %s", request.method, request.path, exc_info=original)
    return error_response(500, "Something went wrong on our side. Please try again.")


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(DomainError, handle_domain_error)
    app.register_error_handler(OverflowError, handle_out_of_range)
    app.register_error_handler(DataError, handle_out_of_range)
    app.register_error_handler(InternalServerError, handle_server_error)
    app.register_error_handler(HTTPException, handle_http_error)
