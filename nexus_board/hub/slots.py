"""Hub sections fed by other areas, to fill in when those areas are merged.

Each function returns None while its area is not there, and the hub hides the section. The
dataclasses are the shapes the hub templates render; tests/hub/test_slots.py renders them with
sample data, so filling a function in means returning these shapes from the area's models.
Wrap an expensive one in `caching.cached_value(name, "board", compute=...)`.
"""

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Count:
    label: str  # "Open", "Django"
    value: int
    url: str | None = None  # a filtered list, e.g. the board filtered by status


@dataclass(frozen=True)
class ContractCard:
    title: str  # "GET /api/projects"
    status: str  # "Open", "Claimed", "In progress", "Done"
    url: str
    owner: str | None = None  # display name of the backend learner who posted it
    claimer: str | None = None  # display name of the frontend learner who claimed it
    updated_at: datetime | None = None


@dataclass(frozen=True)
class Change:
    contract: str  # the contract's title
    summary: str  # "moved from Claimed to In progress", "field `id` became a string"
    url: str
    at: datetime
    by: str | None = None  # display name of whoever made the change


@dataclass(frozen=True)
class LearnerWork:
    claims: list[ContractCard] = field(default_factory=list)  # contracts they claimed
    contracts: list[ContractCard] = field(default_factory=list)  # contracts they posted
    changes: list[Change] = field(default_factory=list)  # changes since they last looked


def contracts_by_status() -> list[Count] | None:
    """How many contracts are in each status, in lifecycle order. Board slot (issue 4)."""
    return None


def top_technologies(limit: int = 8) -> list[Count] | None:
    """The technologies most learners list as learned, most common first. Profiles slot (3)."""
    return None


def board_summary(limit: int = 6) -> list[ContractCard] | None:
    """A read-only glimpse of the board: the most recently changed contracts. Board slot (4)."""
    return None


def learner_work(user, since: datetime | None) -> LearnerWork | None:
    """A signed-in learner's claims, contracts, and changes to them after `since` (their last
    look at the hub; None on a first visit). Board slot (issue 4)."""
    return None
