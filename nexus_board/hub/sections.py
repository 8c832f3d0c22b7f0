"""The hub's sections, each a small function; `Hub` computes each one only if the page shows it."""

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import func, select

from ..activity import queries as activity_queries
from ..caching import cached_value
from ..extensions import db
from ..models import Role, Track, User
from ..profiles import queries as profile_queries
from ..updates import queries
from ..updates.page import contract_links
from . import slots

RECENT = 8
RECENT_ACTIVITY = 10
LEARNERS = 60


@dataclass(frozen=True)
class CohortNumbers:
    backend: int
    frontend: int
    updates: int

    @property
    def learners(self) -> int:
        return self.backend + self.frontend


def cohort_numbers() -> CohortNumbers:
    """Learners per track and updates posted (kept in the cache until either changes)."""
    return cached_value("hub/cohort", "profiles", "updates", compute=_count_cohort)


def _count_cohort() -> CohortNumbers:
    rows = db.session.execute(
        select(User.track, func.count())
        .where(User.role == Role.LEARNER, User.listed())
        .group_by(User.track)
    )
    per_track = dict(rows.all())
    return CohortNumbers(
        backend=per_track.get(Track.BACKEND, 0),
        frontend=per_track.get(Track.FRONTEND, 0),
        updates=queries.count_all(),
    )


def learners(limit: int = LEARNERS) -> list[User]:
    """Learners with public profiles, by name (admins and mentors are not listed)."""
    stmt = (
        select(User)
        .where(User.role == Role.LEARNER, User.listed())
        .order_by(User.display_name)
        .limit(limit)
    )
    return list(db.session.scalars(stmt))


class Hub:
    """The hub page's sections, each computed the first time the template reads it.

    An htmx refresh renders only the live block, so it runs only the queries that block needs.
    Everything but `dashboard` is public: the same for every visitor.
    """

    def __init__(self, viewer):
        self.viewer = viewer

    @cached_property
    def numbers(self) -> CohortNumbers:
        return cohort_numbers()

    @cached_property
    def announcements(self):
        return queries.pinned_announcements()

    @cached_property
    def recent(self):
        return queries.recent(RECENT)

    @cached_property
    def activity(self):
        """The newest public events (the page is cached with the "activity" area)."""
        return activity_queries.recent_public(RECENT_ACTIVITY)

    @cached_property
    def contract_links(self):
        return contract_links(self.recent + self.announcements)

    @cached_property
    def newest_cursor(self) -> str | None:
        return queries.Page(
            items=self.recent, next_cursor=None, pinned=self.announcements
        ).newest_cursor

    @cached_property
    def learners(self) -> list[User]:
        return learners()

    @cached_property
    def learnings(self) -> dict[int, tuple[str, ...]]:
        """Each listed learner's first few learnings, shown beside their name (one query)."""
        return profile_queries.top_learnings(learner.id for learner in self.learners)

    @cached_property
    def board(self):
        return slots.board_summary()
