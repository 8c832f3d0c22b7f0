"""The lists of updates and contracts the hub and its dashboard show, read together: one
statement per table however many lists (`nexus_board/lists.py`), once per request.

The hub's main column and its side column (the dashboard, also on the feed) are rendered
apart; they meet here, in `g`, which lives for one request, so no worker keeps anything.
"""

from datetime import datetime, timedelta

from flask import g

from ..board import queries as board_queries
from ..limits import OPEN_QUESTION_DAYS, OPEN_QUESTIONS
from ..models.types import utcnow
from ..updates import queries as update_queries
from .slots import CHANGES

RECENT = 8  # updates on the hub, besides the pinned announcements
GLIMPSE = 6  # the newest contracts on the hub
MENTIONS = 5  # a dashboard's updates that mention its learner
OWN = 3  # … and that they wrote
WORK = 5  # claims and contracts shown on a dashboard


def updates(viewer, *, hub: bool = False) -> tuple[dict[str, list], dict]:
    """({"mentions", "own"} of a signed-in `viewer`, with `hub` also {"pinned", "recent",
    "questions"}; the links to the contracts they are about), one statement."""
    signed_in = viewer if viewer.is_authenticated else None

    def read():
        asked_since = utcnow() - timedelta(days=OPEN_QUESTION_DAYS)
        return update_queries.lists(
            pinned=hub, recent=RECENT if hub else 0, viewer=signed_in, mentions=MENTIONS,
            own=OWN, questions=OPEN_QUESTIONS if hub else 0, asked_since=asked_since,
        )  # fmt: skip

    return _once("hub_updates", hub, read)


def contracts(viewer, since: datetime | None, *, hub: bool = False) -> dict[str, list]:
    """{"claims", "contracts", "moves", "edits"} (after `since`) of a signed-in `viewer`; with
    `hub`, also {"recent"}, the newest the public sees."""
    signed_in = viewer.id if viewer.is_authenticated else None

    def read():
        return board_queries.hub_lists(
            signed_in,
            since,
            work=WORK,
            moves=CHANGES,
            edits=CHANGES,
            recent=GLIMPSE if hub else 0,
        )

    return _once("hub_contracts", hub, read)


def _once(name: str, hub: bool, read):
    # The hub's read holds the dashboard's lists too: whoever asks second reads nothing.
    memo = g.setdefault(name, {})
    if True in memo:
        return memo[True]
    if hub not in memo:
        memo[hub] = read()
    return memo[hub]
