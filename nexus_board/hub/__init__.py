"""The public hub and the health check."""

from flask import Blueprint

bp = Blueprint("hub", __name__)

from . import shared, side, views  # noqa: E402, F401
