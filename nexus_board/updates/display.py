"""An update's text as HTML, with links to tag filters and to mentioned learners' profiles."""

from flask import url_for
from markupsafe import Markup

from ..models import Update
from . import bp
from .text import render_update


@bp.app_template_filter("update_body")
def update_html(update: Update, external: bool = False) -> Markup:
    """Sanitized HTML of `update`; `external=True` makes links absolute (for Atom readers)."""
    return render_update(
        update.body,
        mentioned={user.username for user in update.mentions},
        tag_url=lambda tag: url_for("updates.feed", tag=tag, _external=external),
        user_url=lambda username: url_for("profiles.show", username=username, _external=external),
    )
