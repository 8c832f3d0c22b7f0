"""Accounts: sign up, sign in and out, settings and personal access tokens."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from . import account_views, theme_views, token_views  # noqa: E402, F401  (routes register on import)
