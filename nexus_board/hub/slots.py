"""Hub sections fed by other areas (the board, profiles), as the plain shapes the hub renders.

A function returning None means its area has nothing to show, and the hub hides the section.
tests/hub/test_slots.py renders each shape with sample data; tests/hub/test_area_sections.py
fills them from real contracts.
"""

from dataclasses import dataclass, field
from datetime import datetime

from flask import url_for

CHANGES = 8  # the changes a dashboard lists (edits and moves)


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


def board_summary(contracts) -> list[ContractCard] | None:
    """A read-only glimpse of the board: the most recently posted `contracts`."""
    url = _contract_url()
    return [_card(c, url) for c in contracts]


def learner_work(user, since: datetime | None, contracts: dict) -> LearnerWork | None:
    """A signed-in learner's claims, contracts, and what others changed on them after `since`
    (their last look at the hub; on a first visit, the latest changes); `contracts` holds
    their lists (`reading.contracts`: board/listed.py's ListedContract and ListedEdit)."""
    url = _contract_url()
    edits = [
        Change(
            contract=r.contract.endpoint,
            summary=_edit_summary(r),
            url=url(r.contract.id),
            at=r.created_at,
            by=r.editor_name,
            alerts=_alerts(r),
        )
        for r in contracts["edits"]
    ]
    moves = [
        Change(
            contract=c.endpoint,
            summary=f"moved to {c.status.label}",
            url=url(c.id),
            at=c.status_changed_at,
            by=c.claimer_name,
        )
        for c in contracts["moves"]
    ]
    return LearnerWork(
        claims=[_card(c, url) for c in contracts["claims"]],
        contracts=[_card(c, url) for c in contracts["contracts"]],
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


def _card(contract, url) -> ContractCard:
    return ContractCard(
        title=contract.endpoint,
        status=contract.status.label,
        url=url(contract.id),
        owner=contract.author_name,
        claimer=contract.claimer_name,
        updated_at=contract.updated_at,
        hidden_by=contract.hider_name if contract.hidden_at else None,
        hidden_reason=contract.hidden_reason if contract.hidden_at else None,
    )


def _contract_url():
    """contract id -> its page's URL, from one url_for (a few dozen links a page)."""
    marker = "2147483647"
    pattern = url_for("board.show", contract_id=int(marker))
    return lambda contract_id: pattern.replace(marker, str(contract_id))


def _edit_summary(revision) -> str:
    fields = ", ".join(change["label"].lower() for change in revision.changes) or "details"
    if revision.breaking:
        return f"breaking change: {fields}"
    if revision.severity == "possibly_breaking":
        return f"possibly breaking change: {fields}"
    return f"edited {fields}"
