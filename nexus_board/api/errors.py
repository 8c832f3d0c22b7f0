"""The API's domain errors as JSON, with `errors` naming each bad field (the site's handler
shows messages only, next to form fields)."""

from ..errors import DomainError, json_error
from . import bp


@bp.errorhandler(DomainError)
def domain_error(error: DomainError):
    fields = {"errors": error.errors} if error.errors else {}
    return json_error(error.status, error.message, **fields)
