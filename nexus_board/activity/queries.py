"""Reading the activity log: newest first, by id, each list a fixed number of statements."""

from dataclasses import dataclass

from sqlalchemy import Select, and_, bindparam, or_, select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..limits import ACTIVITY_PAGE, CONTRACT_ACTIVITY
from ..models import Activity, Contract, ReviewRequest, Update
from .filters import ActivityFilters


def _subject_shown(subject_type: str, model):
    return or_(
        Activity.subject_type != subject_type,
        Activity.subject_id.is_(None),
        Activity.subject_id.not_in(select(model.id).where(model.hidden_at.is_not(None))),
    )


# Nobody's lists show the events of an update or a review request a moderator hid (its author
# has the inbox).
SUBJECTS_SHOWN = and_(_subject_shown("update", Update), _subject_shown("review", ReviewRequest))
# What visitors see: public events, none about a contract hidden now (its earlier ones too).
PUBLIC = (
    Activity.public.is_(True),
    or_(
        Activity.contract_id.is_(None),
        Activity.contract_id.not_in(select(Contract.id).where(Contract.hidden_at.is_not(None))),
    ),
    SUBJECTS_SHOWN,
)


@dataclass
class Page:
    items: list[Activity]
    next_before: int | None  # the id to read on from; None on the last page


def page(
    filters: ActivityFilters, *, before: int | None, everything: bool, size: int = ACTIVITY_PAGE
) -> Page:
    """A page of events matching `filters`; visitors (not `everything`) see public ones only."""
    stmt = _filtered(filters).where(SUBJECTS_SHOWN)
    if not everything:
        stmt = stmt.where(*PUBLIC)
    if before:
        stmt = stmt.where(Activity.id < before)
    rows = _load(stmt.limit(size + 1))
    items = rows[:size]
    return Page(items, items[-1].id if len(rows) > size else None)


def recent_public(limit: int) -> list[Activity]:
    """The newest public events, for the hub."""
    return _load(select(Activity).where(*PUBLIC).limit(limit))


def of_contract(contract_id: int) -> list[Activity]:
    """What happened to one contract (a deleted one too), newest first: its page's events."""
    return list(db.session.scalars(_OF_CONTRACT, {"contract_id": contract_id}))


def _filtered(filters: ActivityFilters) -> Select:
    stmt = select(Activity)
    if filters.project is not None:
        stmt = stmt.where(Activity.project_id == filters.project.id)
    if filters.learner is not None:
        stmt = stmt.where(Activity.actor_id == filters.learner.id)
    if filters.kind:
        stmt = stmt.where(Activity.verb == filters.kind)
    if filters.contract:
        stmt = stmt.where(Activity.contract_id == filters.contract)
    return stmt


def _load(stmt: Select) -> list[Activity]:
    return list(db.session.scalars(_newest_first(stmt)))


def _newest_first(stmt: Select) -> Select:
    options = (joinedload(Activity.actor), joinedload(Activity.project))
    return stmt.order_by(Activity.id.desc()).options(*options)


# Built once, the contract bound per call: every contract page reads it.
_THE_CONTRACTS = Activity.contract_id == bindparam("contract_id")
_OF_CONTRACT = _newest_first(select(Activity).where(_THE_CONTRACTS).limit(CONTRACT_ACTIVITY))
