"""A signed-in learner's dashboard on the hub: their work, mentions of them, their updates."""

from dataclasses import dataclass
from datetime import datetime

from flask import session

from ..models import Update, User
from ..models.types import utcnow
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


def for_learner(user: User, updates: dict[str, list[Update]]) -> Dashboard:
    """The dashboard for `user`, with their lists from `updates.queries.lists`; records now as
    their last look."""
    since = _last_look()
    return Dashboard(
        since=since,
        mentions=updates["mentions"],
        own=updates["own"],
        work=slots.learner_work(user, since),
    )


def _last_look() -> datetime | None:
    previous = session.get(SEEN_KEY)
    session[SEEN_KEY] = utcnow().isoformat()
    try:
        return datetime.fromisoformat(previous) if previous else None
    except ValueError:
        return None
