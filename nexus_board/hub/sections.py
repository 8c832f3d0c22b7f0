"""The hub's sections, each a small function; `Hub` computes each one only if the page shows it."""

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import func, select

from ..activity import queries as activity_queries
from ..caching import cached_value
from ..extensions import db
from ..models import Role, Track, Update, User
from ..updates import queries
from . import collaboration, dashboard, reading, slots
from .learners import ListedLearner, listed_learners

RECENT_ACTIVITY = 10
LEARNERS = 60


@dataclass(frozen=True)
class CohortNumbers:
    backend: int
    frontend: int
    updates: int
    reviews: collaboration.ReviewLine  # code review requests per status

    @property
    def learners(self) -> int:
        return self.backend + self.frontend


def cohort_numbers() -> CohortNumbers:
    """Learners per track, updates posted and review requests per status (kept in the cache
    until one of them changes)."""
    return cached_value("hub/cohort", "profiles", "updates", "reviews", compute=_count_cohort)


def _count_cohort() -> CohortNumbers:
    """One statement: each count a subquery."""

    def learners(track: Track):
        listed = (User.role == Role.LEARNER, User.track == track, User.listed())
        return select(func.count()).where(*listed).scalar_subquery()

    # Every update less the hidden few: SQLite counts a whole table from its b-tree at once,
    # where "shown" would test 50,000 index entries one by one.
    every = select(func.count()).select_from(Update).scalar_subquery()
    hidden = select(func.count()).where(Update.hidden_at.is_not(None)).scalar_subquery()
    reviews = [collaboration.reviews_in(status) for status in collaboration.REVIEW_LINE]
    row = db.session.execute(
        select(learners(Track.BACKEND), learners(Track.FRONTEND), every - hidden, *reviews)
    )
    backend, frontend, updates, *line = row.one()
    return CohortNumbers(backend, frontend, updates, collaboration.ReviewLine(*line))


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
        return reading.updates(self.viewer, hub=True)[0]

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
        """The contracts the updates are about, read with them."""
        return reading.updates(self.viewer, hub=True)[1]

    @cached_property
    def newest_cursor(self) -> str | None:
        return queries.Page(
            items=self.recent, next_cursor=None, pinned=self.announcements
        ).newest_cursor

    @cached_property
    def learners(self) -> list[ListedLearner]:
        """Learners with public profiles, by name, with their first learnings (one query)."""
        return listed_learners(LEARNERS)

    @cached_property
    def learnings(self) -> dict[int, tuple[str, ...]]:
        """Each listed learner's first few learnings, shown beside their name."""
        return {learner.id: learner.learnings for learner in self.learners if learner.learnings}

    @cached_property
    def board(self):
        since = dashboard.previous_look() if self.viewer.is_authenticated else None
        return slots.board_summary(reading.contracts(self.viewer, since, hub=True)["recent"])

    @cached_property
    def open_questions(self) -> list[collaboration.Question]:
        return collaboration.questions_of(self.updates["questions"])

    @cached_property
    def reviews(self) -> collaboration.ReviewLine:
        return self.numbers.reviews

    @cached_property
    def partner_projects(self) -> list[collaboration.PartnerProject]:
        return collaboration.partner_projects()
