"""Reply threads under updates: questions, their answers, and the one the asker accepts."""

from flask import Blueprint

bp = Blueprint("replies", __name__)

from . import views  # noqa: E402, F401  (routes register on import)
