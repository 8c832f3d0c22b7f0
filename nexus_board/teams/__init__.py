"""Projects as teams: each project's page, its members, join requests, the working agreement."""

from flask import Blueprint

bp = Blueprint("teams", __name__)

from . import views  # noqa: E402, F401  (routes register on import)
