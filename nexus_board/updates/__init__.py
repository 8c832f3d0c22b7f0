"""Status updates and the feed."""

from flask import Blueprint

bp = Blueprint("updates", __name__)

from . import views  # noqa: E402, F401
