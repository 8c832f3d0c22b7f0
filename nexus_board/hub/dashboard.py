"""A signed-in learner's dashboard on the hub: their work, mentions of them, their updates."""

from dataclasses import dataclass
from datetime import datetime

from flask import session

from ..models import User
from ..models.types import utcnow
from ..updates.rows import UpdateRow
from . import reading, slots

SEEN_KEY = "hub_seen_at"


@dataclass
class Dashboard:
    since: datetime | None  # their previous look at the hub (in this browser); None at first
    mentions: list[UpdateRow]
    own: list[UpdateRow]
    work: slots.LearnerWork | None  # None until the board is merged

    def is_new(self, update: UpdateRow) -> bool:
        return self.since is not None and update.created_at > self.since


def for_learner(user: User, *, record: bool = True) -> Dashboard:
    """The dashboard for `user`; with `record`, now becomes their last look."""
    since = previous_look()
    if record:
        session[SEEN_KEY] = utcnow().isoformat()
    updates, _ = reading.updates(user)  # read with the hub's own lists when on the hub
    return Dashboard(
        since=since,
        mentions=updates["mentions"],
        own=updates["own"],
        work=slots.learner_work(user, since, reading.contracts(user, since)),
    )


def previous_look() -> datetime | None:
    """When this browser last showed the hub to its learner (None at first)."""
    previous = session.get(SEEN_KEY)
    try:
        return datetime.fromisoformat(previous) if previous else None
    except ValueError:
        return None
