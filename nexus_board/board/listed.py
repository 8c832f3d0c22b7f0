"""Contracts as the hub and dashboards list them: the few columns a line shows, no entities.

A listed contract is read-only and shows its endpoint, status, who posted, claimed and hid it,
and when it last changed; loading whole contracts with their project, people, verification and
tags cost the hub more than everything else it reads. A dashboard's edits by others come as
listed contracts too, each with the edit.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from ..models import Contract, ContractStatus, Revision, User


@dataclass(frozen=True, slots=True)
class ListedContract:
    id: int
    endpoint: str  # "GET /api/projects", "query projects"
    status: ContractStatus
    status_changed_at: datetime
    updated_at: datetime
    author_name: str
    claimer_name: str | None
    hidden_at: datetime | None
    hider_name: str  # "someone" when the hider's account is gone, as Hideable.hider_name says
    hidden_reason: str | None


@dataclass(frozen=True, slots=True)
class ListedEdit:
    """A saved edit of a listed contract, as a dashboard's changes show it."""

    contract: ListedContract
    created_at: datetime
    editor_name: str
    changes: list  # Revision.changes: [{"field", "label", "old", "new"}]
    breaking: bool
    severity: str | None
    classified: list | None  # Revision.classified: [{"rule", "severity", "sentence", …}]


# Built once: an alias proxies every column of users, a few milliseconds each time.
_AUTHOR, _CLAIMER, _HIDER, _EDITOR = aliased(User), aliased(User), aliased(User), aliased(User)
_EDIT = (Revision.created_at, _EDITOR.display_name, Revision.changes, Revision.breaking,
         Revision.severity, Revision.classified)  # fmt: skip
_COLUMNS = (
    *(Contract.id, Contract.method, Contract.path, Contract.operation_type),
    *(Contract.operation_name, Contract.status, Contract.status_changed_at),
    *(Contract.updated_at, Contract.hidden_at, Contract.hidden_reason),
    *(_AUTHOR.display_name, _CLAIMER.display_name, _HIDER.display_name),
)


def statement(lists) -> Select:
    """The columns a listed contract shows, of the contracts `lists` names (`lists.joined`)."""
    return (
        select(*_COLUMNS)
        .join_from(lists, Contract, Contract.id == lists.c.id)
        .join(_AUTHOR, _AUTHOR.id == Contract.author_id)
        .outerjoin(_CLAIMER, _CLAIMER.id == Contract.claimer_id)
        .outerjoin(_HIDER, _HIDER.id == Contract.hidden_by_id)
    )


def with_edits(lists) -> Select:
    """`statement`, with the edit each row of a list of edits names (`lists.c.detail`, a
    revision id; NULL columns for the other lists' rows)."""
    return (
        statement(lists)
        .add_columns(*_EDIT)
        .outerjoin(Revision, Revision.id == lists.c.detail)
        .outerjoin(_EDITOR, _EDITOR.id == Revision.editor_id)
    )


def parse(row) -> ListedContract:
    """The listed contract of one row of `statement` (or `with_edits`)."""
    return _listed(*row[: len(_COLUMNS)])


def parse_edit(row) -> ListedEdit:
    """The edit of one row of `with_edits` that a list of edits gave."""
    return ListedEdit(parse(row), *row[len(_COLUMNS) :])


def _listed(id, method, path, operation_type, operation_name, status, changed, updated,
            hidden_at, reason, author, claimer, hider) -> ListedContract:  # fmt: skip
    endpoint = f"{operation_type} {operation_name}" if operation_type else f"{method} {path}"
    return ListedContract(id, endpoint, status, changed, updated, author, claimer, hidden_at,
                          hider or "someone", reason)  # fmt: skip
