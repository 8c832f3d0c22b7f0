"""The board's rendered columns and filter choices, kept in the cache.

Both are kept under the board's marker (the columns also under profiles, for the names on
cards), so every write there retires them all at once. The choices' <option>s are kept in this
process too, keyed by a digest of the choices and the one selected. The columns also vary by
viewer: visitors share one copy; a signed-in learner's copy is keyed by user and session,
because it holds their buttons and CSRF token. A cache that is down only costs speed: the page
is rendered as if nothing were cached.
"""

import hashlib
from urllib.parse import urlencode

from flask import current_app, render_template, session
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from .. import kept
from ..caching import cached_value, process_copy
from ..limits import FILTER_OPTIONS_KEPT
from . import bp, card_cache, queries
from .filters import BoardFilters

KEPT = "nexus_board.board_filter_options"  # in app.extensions: the options' HTML
OPTIONS = "board/_filter_options.html"


def columns_html(filters: BoardFilters, marker: str) -> Markup:
    """The four columns as HTML, from the cache when the board has not changed."""
    name = f"board/columns/{_viewer()}/{urlencode(sorted(filters.args().items()))}"
    html = cached_value(name, "board", "profiles", compute=lambda: _render(filters, marker))
    return Markup(html)  # noqa: S704  (our own template's output)


def choices() -> dict:
    """Projects and tags for the filter form: kept in the process, since every claim moves the
    board's marker and few writes change them (a new tag shows within a second)."""
    return process_copy("board/choices", "board", compute=_load_choices)


@bp.app_template_global()
def filter_options(kind: str, selected: str | None) -> Markup:
    """The filter form's "projects" or "tags" <option>s, `selected` chosen: 50 projects and 200
    tags, escaped one by one, were a fifth of a signed-in learner's cached board page."""
    listed = choices()
    chosen = selected if selected in listed["values"][kind] else None  # else none is selected
    key = (kind, listed["digest"], chosen)
    args = (listed[kind], chosen)
    return kept.macro_html(KEPT, FILTER_OPTIONS_KEPT, key, OPTIONS, kind, *args)


def _render(filters: BoardFilters, marker: str) -> str:
    columns = queries.board(filters, current_user)
    shown = [contract for column in columns for contract in column.items]
    cards = card_cache.cards(shown, current_user, filled=False)
    joined = {}  # each column's cards as one piece: a hundred of them cost the template a loop
    for column in columns:
        joined[column.status] = Markup("".join([cards[c.id] for c in column.items]))  # noqa: S704
    html = render_template(
        "board/_columns.html", columns=columns, cards=joined, filters=filters, marker=marker
    )
    return card_cache.fill(html, current_user)  # one token for the page, not one per card


def _load_choices() -> dict:
    projects = [{"slug": p.slug, "name": p.name} for p in queries.project_choices()]
    tags = queries.tag_choices()
    digest = hashlib.sha256(repr((projects, tags)).encode()).hexdigest()  # names the options
    values = {"projects": frozenset(p["slug"] for p in projects), "tags": frozenset(tags)}
    return {"projects": projects, "tags": tags, "digest": digest, "values": values}


def _viewer() -> str:
    if not current_user.is_authenticated:
        return "visitor"
    generate_csrf()  # the session's CSRF secret exists from here on
    secret = session.get(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"), "")
    return f"{current_user.id}.{hashlib.sha256(secret.encode()).hexdigest()[:16]}"
