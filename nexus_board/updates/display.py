"""An update's text as HTML, with links to tag filters and to mentioned learners' profiles."""

from urllib.parse import urlencode

from flask import url_for
from markupsafe import Markup

from ..models import Update
from . import bp
from .text import render_update


@bp.app_template_filter("update_body")
def update_html(update: Update, external: bool = False) -> Markup:
    """Sanitized HTML of `update`; `external=True` makes links absolute (for Atom readers)."""
    feed = url_for("updates.feed", _external=external)  # once, not per tag
    return render_update(
        update.body,
        mentioned={user.username for user in update.mentions},
        tag_url=lambda tag: f"{feed}?{urlencode({'tag': tag})}",
        user_url=lambda username: url_for("profiles.show", username=username, _external=external),
    )
