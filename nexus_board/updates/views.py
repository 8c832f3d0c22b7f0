"""Status updates and the feed."""

from ..rendering import render
from . import bp


@bp.get("/updates")
def feed():
    return render("updates/feed.html")
