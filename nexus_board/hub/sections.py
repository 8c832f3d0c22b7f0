"""The hub's sections, each a small function; `Hub` computes each one only if the page shows it."""

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import func, select

from ..activity import queries as activity_queries
from ..caching import cached_value
from ..extensions import db
from ..models import Role, Track, Update, User
from ..profiles import queries as profile_queries
from ..updates import queries
from ..updates.page import contract_links
from . import dashboard, slots

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
    def learners(track: Track):
        return _count(select(func.count()).where(User.role == Role.LEARNER, User.track == track))

    updates = _count(select(func.count()).select_from(Update))
    row = db.session.execute(select(learners(Track.BACKEND), learners(Track.FRONTEND), updates))
    backend, frontend, updates = row.one()
    return CohortNumbers(backend=backend, frontend=frontend, updates=updates)


def _count(stmt):
    return stmt.scalar_subquery()


def learners(limit: int = LEARNERS) -> list[User]:
    """Learners with public profiles, by name (admins and mentors are not listed)."""
    stmt = select(User).where(User.role == Role.LEARNER).order_by(User.display_name).limit(limit)
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
    def updates(self) -> dict:
        """Every list of updates the page shows, the dashboard's included, read together."""
        viewer = self.viewer if self.viewer.is_authenticated else None
        return queries.lists(
            recent=RECENT, viewer=viewer, mentions=dashboard.MENTIONS, own=dashboard.OWN
        )

    @cached_property
    def announcements(self):
        return self.updates["pinned"]

    @cached_property
    def recent(self):
        return self.updates["recent"]

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
    def contracts_by_status(self):
        return slots.contracts_by_status()

    @cached_property
    def technologies(self):
        return slots.top_technologies()

    @cached_property
    def since(self):
        """The viewer's previous look at the hub (the dashboard records this one)."""
        return dashboard.previous_look() if self.viewer.is_authenticated else None

    @cached_property
    def contracts(self) -> dict:
        """Every list of contracts the page shows, the dashboard's included, read together."""
        return slots.contract_lists(self.viewer, self.since)

    @cached_property
    def board(self):
        return slots.board_summary(self.contracts["recent"])

    @cached_property
    def dashboard(self) -> "dashboard.Dashboard | None":
        """The signed-in viewer's own dashboard (reading it records this look at the hub)."""
        if not self.viewer.is_authenticated:
            return None
        return dashboard.for_learner(self.viewer, self.since, self.updates, self.contracts)
