"""Invite links: a cohort signs up through an admin's link, past the per-address limit."""

from flask import Blueprint

bp = Blueprint("invites", __name__)

from . import views  # noqa: E402, F401  (routes register on import)
