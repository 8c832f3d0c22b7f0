"""The API contract board."""

from flask import Blueprint

bp = Blueprint("board", __name__)

from . import action_views, board_views, contract_parts, contract_views, dispatch_views  # noqa: E402, F401
