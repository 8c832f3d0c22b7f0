"""Moderation: learners report items, admins hide or delete them, the audit log keeps it all."""

from flask import Blueprint

bp = Blueprint("moderation", __name__)

from . import views  # noqa: E402, F401  (registers the routes)
