"""Code reviews between backend learners: requests, one reviewer each, the review, thanks."""

from flask import Blueprint

bp = Blueprint("reviews", __name__)

from . import views  # noqa: E402, F401  (routes register on import)
