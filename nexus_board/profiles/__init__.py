"""Learner profiles and the learners directory."""

from flask import Blueprint

bp = Blueprint("profiles", __name__)

from . import card_views, edit_views, import_views, list_display, profile_views  # noqa: E402, F401
