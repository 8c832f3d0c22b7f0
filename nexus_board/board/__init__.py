"""The API contract board."""

from flask import Blueprint

bp = Blueprint("board", __name__)

from . import views  # noqa: E402, F401
