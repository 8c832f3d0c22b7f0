"""The API's domain errors as JSON, with `errors` naming each bad field (the site's handler
shows messages only, next to form fields)."""

from flask import jsonify

from ..errors import TITLES, DomainError
from . import bp


@bp.errorhandler(DomainError)
def domain_error(error: DomainError):
    body = {"error": TITLES.get(error.status, "Error"), "message": error.message,
            "status": error.status}  # fmt: skip
    if error.errors:
        body["errors"] = error.errors
    response = jsonify(body)
    response.status_code = error.status
    return response
