"""The JSON API under /api/v1/: public reads, writes by personal access token."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from . import contract_views, errors, headers, reading_views  # noqa: E402, F401
