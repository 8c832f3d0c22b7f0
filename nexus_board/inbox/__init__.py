"""Each learner's inbox: notifications of what concerns them, the unread badge, their settings."""

from flask import Blueprint

bp = Blueprint("inbox", __name__)

from . import settings_views, views  # noqa: E402, F401  (routes register on import)
