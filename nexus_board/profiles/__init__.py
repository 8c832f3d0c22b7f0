"""Learner profiles and the learners directory."""

from flask import Blueprint

bp = Blueprint("profiles", __name__)

from . import views  # noqa: E402, F401
