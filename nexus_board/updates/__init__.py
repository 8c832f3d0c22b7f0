"""Status updates and the feed."""

from flask import Blueprint

bp = Blueprint("updates", __name__)

from . import display, views  # noqa: E402, F401  (filters and routes register on import)
