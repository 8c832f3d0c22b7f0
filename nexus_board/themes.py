"""Light or dark: the theme someone picked, per account when signed in, in a cookie otherwise.

No choice follows the device (prefers-color-scheme). Pages carry the choice as
<html data-theme="…">, so a visitor's cached page is kept once per theme (caching.py).
"""

from flask import Response, request
from flask_login import current_user

from .models import Theme

COOKIE = "theme"
COOKIE_AGE = 365 * 24 * 3600


def from_cookie() -> Theme | None:
    """The theme this browser's cookie names (anything else in it is ignored)."""
    try:
        return Theme(request.cookies.get(COOKIE, ""))
    except ValueError:
        return None


def chosen() -> Theme | None:
    """The theme this request's pages are drawn in: the account's, else the cookie's."""
    if current_user.is_authenticated:
        return current_user.theme
    return from_cookie()


def remember(response: Response, theme: Theme | None, *, secure: bool) -> Response:
    """Keep `theme` in this browser too (signed out, it still applies); None forgets it."""
    if theme is None:
        response.delete_cookie(COOKIE, samesite="Lax", secure=secure)
    else:
        response.set_cookie(COOKIE, theme.value, max_age=COOKIE_AGE, samesite="Lax", secure=secure)
    return response
