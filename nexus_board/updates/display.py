"""An update as HTML: its text, with links to tag filters and to mentioned learners' profiles,
and all a list shows of it but its viewer's actions."""

import hashlib
from functools import lru_cache
from urllib.parse import urlencode

from flask import g, get_template_attribute, url_for
from markupsafe import Markup

from .. import kept
from ..limits import RENDERED_KEPT, UPDATES_KEPT
from ..models import Update
from ..templating import relative_time
from . import bp
from .rows import COLUMNS
from .text import render_update

KEPT = "nexus_board.kept_updates"  # in app.extensions: updates' HTML by what it shows
HEAD = ("updates/_update.html", "update_head")  # all of an update but its viewer's actions


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


@bp.app_template_global()
def update_head_html(update, contract, info) -> Markup:
    """`update_head`'s HTML (templates/updates/_update.html), kept in this process under a
    digest of everything it shows: the update's columns, its author, mentions, contract link,
    replies, the words of its time and the addresses it links to. A feed page of 50 renders
    each update once per process, not once per view."""
    links = _links()
    if update.hidden_at is not None:  # rare, and its banner names who hid it
        return get_template_attribute(*HEAD)(update, contract, info, links)
    author = update.author
    shown = (
        tuple(getattr(update, name) for name in COLUMNS),
        (author.username, author.display_name, author.track, author.is_admin),
        tuple(sorted(user.username for user in update.mentions)),
        (contract.id, contract.title) if contract else None,
        (info.replies, info.answered) if info else None,
        relative_time(update.created_at),
        links,
    )
    key = hashlib.blake2b(repr(shown).encode(), digest_size=16).hexdigest()
    return kept.macro_html(KEPT, UPDATES_KEPT, key, *HEAD, update, contract, info, links)


def _links() -> tuple[str, str]:
    # Once per request: the feed's address and the profiles' ("/u/"), as the page's root has it.
    if "update_links" not in g:
        g.update_links = (url_for("updates.feed"), url_for("profiles.show", username="-")[:-1])
    return g.update_links


@bp.app_template_global()
def filter_fields_html(form) -> Markup:
    """The feed's filter fields. Valid values are short slugs, and the same values give the
    same fields: those are kept in this process (a feed page spent a seventh of its time on
    three fields)."""
    render = get_template_attribute("updates/_filters.html", "filter_fields")
    if form.errors:  # the values are whatever was typed: not worth keeping
        return render(form)
    key = ("filters", form.tag.data, form.learner.data, form.show.data)
    return kept.html(KEPT, UPDATES_KEPT, key, lambda: render(form))
