"""The Atom feed of updates (feedgen), with absolute links so feed readers can follow them."""

import textwrap

from feedgen.feed import FeedGenerator
from flask import Response, url_for

from ..models.types import utcnow
from ..text import strip_controls
from . import queries
from .display import update_html
from .filters import Filters

ENTRIES = 50


def response(filters: Filters) -> Response:
    """The newest updates matching `filters` as an Atom document."""
    args = filters.as_args()
    updates, _ = queries.newest(filters, ENTRIES, tags=True)
    feed = FeedGenerator()
    feed.id(url_for("updates.atom_feed", _external=True, **args))
    feed.title(_title(filters))
    feed.subtitle("Status updates from the Project Nexus cohort.")
    feed.link(href=url_for("updates.feed", _external=True, **args), rel="alternate")
    feed.link(href=url_for("updates.atom_feed", _external=True, **args), rel="self")
    feed.updated(updates[0].created_at if updates else utcnow())
    for update in reversed(updates):  # feedgen prepends: oldest first leaves newest on top
        entry = feed.add_entry()
        permalink = url_for("updates.show", update_id=update.id, _external=True)
        entry.id(permalink)
        entry.link(href=permalink)
        entry.title(strip_controls(f"{update.author.display_name}: {_headline(update.body)}"))
        entry.author(
            name=strip_controls(update.author.display_name),
            uri=url_for("profiles.show", username=update.author.username, _external=True),
        )
        entry.published(update.created_at)
        entry.updated(update.created_at)
        entry.content(strip_controls(str(update_html(update, external=True))), type="html")
        for tag in update.tag_names:
            entry.category(term=tag)
    return Response(feed.atom_str(pretty=True), mimetype="application/atom+xml")


def _title(filters: Filters) -> str:
    parts = ["Nexus Board updates"]
    if filters.tag:
        parts.append(f"tagged #{filters.tag}")
    if filters.author is not None:
        parts.append(f"by {filters.author.display_name}")
    return " ".join(parts)


def _headline(body: str) -> str:
    first_line = body.strip().splitlines()[0] if body.strip() else ""
    return textwrap.shorten(first_line, width=80, placeholder="…") or "(no text)"
