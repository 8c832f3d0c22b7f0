"""The API contract board."""

from flask import Blueprint

bp = Blueprint("board", __name__)

from . import action_views, contract_views, views  # noqa: E402, F401
