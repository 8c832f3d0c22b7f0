"""An update's text as HTML, with links to tag filters and to mentioned learners' profiles."""

from functools import lru_cache
from urllib.parse import urlencode

from flask import url_for
from markupsafe import Markup

from ..limits import RENDERED_KEPT
from ..models import Update
from . import bp
from .text import render_update


@bp.app_template_filter("update_body")
def update_html(update: Update, external: bool = False) -> Markup:
    """Sanitized HTML of `update`; `external=True` makes links absolute (for Atom readers)."""
    feed = url_for("updates.feed", _external=external)  # once, not per tag
    return _html(update.body, frozenset(user.username for user in update.mentions), feed, external)


# The HTML is a function of these arguments alone (`feed` carries the host and root the links
# use), so each process keeps what it rendered lately: no write can make an entry wrong.
@lru_cache(maxsize=RENDERED_KEPT)
def _html(body: str, mentioned: frozenset[str], feed: str, external: bool) -> Markup:
    return render_update(
        body,
        mentioned=mentioned,
        tag_url=lambda tag: f"{feed}?{urlencode({'tag': tag})}",
        user_url=lambda username: url_for("profiles.show", username=username, _external=external),
    )
