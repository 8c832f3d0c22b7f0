"""The activity log: what happened on the board, in the feed and on profiles, and who heard.

Services call `events.record(...)`; /activity, its Atom feed, the hub and each contract's page
read it.
"""

from flask import Blueprint

bp = Blueprint("activity", __name__)

from . import display, views  # noqa: E402, F401  (globals and routes register on import)
