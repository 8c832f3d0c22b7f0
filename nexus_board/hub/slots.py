"""Hub sections fed by other areas (the board, profiles), as the plain shapes the hub renders.

A function returning None means its area has nothing to show, and the hub hides the section.
tests/hub/test_slots.py renders each shape with sample data; tests/hub/test_area_sections.py
fills them from real contracts.
"""

from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import quote

from flask import url_for

from ..board import queries as board_queries
from ..models import ContractStatus
from ..profiles import queries as profile_queries

WORK = 5  # claims and contracts shown on a dashboard
GLIMPSE = 6  # the newest contracts on the public hub
CHANGES = 8


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
    hidden_by: str | None = None  # display name of whoever hid it (None while it shows)
    hidden_reason: str | None = None


@dataclass(frozen=True)
class Change:
    contract: str  # the contract's title
    summary: str  # "moved from Claimed to In progress", "field `id` became a string"
    url: str
    at: datetime
    by: str | None = None  # display name of whoever made the change
    # The classifier's breaking and possibly breaking changes: ("Breaking", sentence), worst first
    alerts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class LearnerWork:
    claims: list[ContractCard] = field(default_factory=list)  # contracts they claimed
    contracts: list[ContractCard] = field(default_factory=list)  # contracts they posted
    changes: list[Change] = field(default_factory=list)  # changes since they last looked


def contracts_by_status() -> list[Count] | None:
    """How many contracts are in each status, in lifecycle order."""
    counts = board_queries.status_counts()
    board = url_for("board.index")
    return [Count(s.label, counts[s], f"{board}#heading-{s}") for s in ContractStatus]


def top_technologies(limit: int = 8) -> list[Count] | None:
    """The technologies most learners list as learned, most common first."""
    directory = url_for("profiles.directory")
    return [
        Count(name, learners, f"{directory}?q={quote(name)}")
        for name, learners in profile_queries.top_technologies(limit)
    ]


def contract_lists(user, since: datetime | None) -> dict:
    """The contracts the hub lists, read together: the newest for everyone and, for a signed-in
    `user`, their claims, their contracts and the moves on those after `since`."""
    if not user.is_authenticated:  # one list: no UNION needed
        return {"recent": board_queries.recent_contracts(GLIMPSE)}
    return board_queries.hub_lists(user.id, since, recent=GLIMPSE, work=WORK, moves=CHANGES)


def board_summary(contracts) -> list[ContractCard] | None:
    """A read-only glimpse of the board: the most recently posted `contracts`."""
    return [_card(c) for c in contracts]


def learner_work(user, since: datetime | None, contracts: dict) -> LearnerWork | None:
    """A signed-in learner's claims, contracts, and what others changed on them after `since`
    (their last look at the hub; on a first visit, the latest changes); `contracts` is from
    `contract_lists`."""
    edits = [
        Change(
            contract=r.contract.endpoint,
            summary=_edit_summary(r),
            url=url_for("board.show", contract_id=r.contract_id),
            at=r.created_at,
            by=r.editor.display_name,
            alerts=_alerts(r),
        )
        for r in board_queries.edits_for(user.id, since, CHANGES)
    ]
    moves = [
        Change(
            contract=c.endpoint,
            summary=f"moved to {c.status.label}",
            url=url_for("board.show", contract_id=c.id),
            at=c.status_changed_at,
            by=c.claimer.display_name,
        )
        for c in contracts["moves"]
    ]
    return LearnerWork(
        claims=[_card(c) for c in contracts["claims"]],
        contracts=[_card(c) for c in contracts["contracts"]],
        changes=_worst_first(edits + moves)[:CHANGES],
    )


def _worst_first(changes: list[Change]) -> list[Change]:
    """Edits that may break a frontend first, then the rest; newest first within each."""
    newest = sorted(changes, key=lambda change: change.at, reverse=True)
    return sorted(newest, key=lambda change: not change.alerts)


def _alerts(revision) -> tuple[tuple[str, str], ...]:
    labels = {"breaking": "Breaking", "possibly_breaking": "Possibly breaking"}
    return tuple(
        (labels[c["severity"]], c["sentence"])
        for c in revision.classified or []
        if c["severity"] in labels
    )


def _card(contract) -> ContractCard:
    return ContractCard(
        title=contract.endpoint,
        status=contract.status.label,
        url=url_for("board.show", contract_id=contract.id),
        owner=contract.author.display_name,
        claimer=contract.claimer.display_name if contract.claimer else None,
        updated_at=contract.updated_at,
        hidden_by=contract.hider_name if contract.hidden_at else None,
        hidden_reason=contract.hidden_reason if contract.hidden_at else None,
    )


def _edit_summary(revision) -> str:
    fields = ", ".join(change["label"].lower() for change in revision.changes) or "details"
    if revision.breaking:
        return f"breaking change: {fields}"
    if revision.severity == "possibly_breaking":
        return f"possibly breaking change: {fields}"
    return f"edited {fields}"
