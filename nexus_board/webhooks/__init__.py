"""Webhooks: the cohort's, each project's and learners' own; the outbox and its worker."""

from flask import Blueprint

bp = Blueprint("webhooks", __name__)

from . import views  # noqa: E402, F401  (routes register on import)
