"""A signed-in learner's dashboard on the hub: their work, mentions of them, their updates."""

from dataclasses import dataclass
from datetime import datetime

from flask import session

from ..models import Update, User
from ..models.types import utcnow
from ..updates import queries
from ..updates.filters import Filters
from . import slots

SEEN_KEY = "hub_seen_at"
MENTIONS = 5
OWN = 3


@dataclass
class Dashboard:
    since: datetime | None  # their previous look at the hub (in this browser); None at first
    mentions: list[Update]
    own: list[Update]
    work: slots.LearnerWork | None  # None until the board is merged

    def is_new(self, update: Update) -> bool:
        return self.since is not None and update.created_at > self.since


def for_learner(user: User, *, record: bool = True) -> Dashboard:
    """The dashboard for `user`; with `record`, now becomes their last look."""
    since = _last_look(record)
    return Dashboard(
        since=since,
        mentions=queries.mentions_of(user, MENTIONS),
        own=queries.newest(Filters(author=user), OWN),
        work=slots.learner_work(user, since),
    )


def _last_look(record: bool) -> datetime | None:
    previous = session.get(SEEN_KEY)
    if record:
        session[SEEN_KEY] = utcnow().isoformat()
    try:
        return datetime.fromisoformat(previous) if previous else None
    except ValueError:
        return None
