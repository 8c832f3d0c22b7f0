"""Accounts: sign up, sign in and out, settings and personal access tokens."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from . import (  # noqa: E402, F401  (routes register on import)
    account_views,
    admin_views,
    data_views,
    device_views,
    theme_views,
    token_views,
)
