"""The activity log as an Atom feed: public events only, with absolute links."""

from feedgen.feed import FeedGenerator
from flask import Response, url_for

from ..errors import DomainError
from ..models.types import utcnow
from ..text import strip_controls
from . import queries
from .filters import ActivityFilters
from .links import link
from .verbs import told


def response(filters: ActivityFilters) -> Response:
    if filters.errors:
        raise DomainError(" ".join(filters.errors.values()))
    args = filters.as_args()
    events = queries.page(filters, before=None, everything=False).items
    feed = FeedGenerator()
    feed.id(url_for("activity.atom_feed", _external=True, **args))
    feed.title("Nexus Board activity")
    feed.subtitle("What happened on the contract board, in the feed and on profiles.")
    feed.link(href=url_for("activity.index", _external=True, **args), rel="alternate")
    feed.link(href=url_for("activity.atom_feed", _external=True, **args), rel="self")
    feed.updated(events[0].created_at if events else utcnow())
    for event in reversed(events):  # feedgen prepends: oldest first leaves the newest on top
        entry = feed.add_entry()
        entry.id(url_for("activity.index", _external=True) + f"#event-{event.id}")
        entry.title(strip_controls(told(event).sentence))
        target = link(event)
        if target:
            entry.link(href=request_root() + target)
        entry.published(event.created_at)
        entry.updated(event.created_at)
        entry.category(term=event.verb)
    return Response(feed.atom_str(pretty=True), mimetype="application/atom+xml")


def request_root() -> str:
    return url_for("hub.index", _external=True).rstrip("/")
