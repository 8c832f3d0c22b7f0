"""The board's rendered columns and filter choices, kept in the shared cache.

Keys start with the board's generation, so every write (which calls `invalidate("board")`)
retires them all at once. The columns also vary by viewer: visitors share one copy; a signed-in
learner's copy is keyed by user and session, because it holds their buttons and CSRF token.
A cache that is down only costs speed: the page is rendered as if nothing were cached.
"""

import hashlib
import logging
from urllib.parse import urlencode

from flask import current_app, render_template, session
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from ..extensions import cache
from . import policy, queries
from .filters import BoardFilters

log = logging.getLogger(__name__)


def columns_html(filters: BoardFilters, marker: str) -> Markup:
    """The four columns as HTML, from the cache when the board has not changed."""
    key = f"board/columns/{marker}/{_viewer()}/{urlencode(sorted(filters.args().items()))}"
    return Markup(_cached(key if marker else None, lambda: _render_columns(filters, marker)))  # noqa: S704  (our own template's output)


def choices(marker: str) -> dict:
    """Projects and tags for the filter form."""
    return _cached(f"board/choices/{marker}" if marker else None, _load_choices)


def _render_columns(filters: BoardFilters, marker: str) -> str:
    viewer = current_user.id if current_user.is_authenticated else None
    return render_template(
        "board/_columns.html",
        columns=queries.board(filters, viewer),
        filters=filters,
        marker=marker,
        allowed=policy.allowed,
    )


def _load_choices() -> dict:
    projects = [{"slug": p.slug, "name": p.name} for p in queries.project_choices()]
    return {"projects": projects, "tags": queries.tag_choices()}


def _viewer() -> str:
    if not current_user.is_authenticated:
        return "visitor"
    generate_csrf()  # the session's CSRF secret exists from here on
    secret = session.get(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"), "")
    return f"{current_user.id}.{hashlib.sha256(secret.encode()).hexdigest()[:16]}"


def _cached(key: str | None, make):
    if key is not None:
        try:
            found = cache.get(key)
        except Exception:
            log.exception("cache unavailable while reading %s", key)
            found = None
        if found is not None:
            return found
    value = make()
    if key is not None:
        try:
            cache.set(key, value)
        except Exception:
            log.exception("cache unavailable while writing %s", key)
    return value
