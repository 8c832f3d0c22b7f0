"""The API's reads: contracts, learners and projects, one page per call, fixed statements."""

from sqlalchemy import and_, func, select
from sqlalchemy.orm import joinedload, selectinload

from ..board.filters import BoardFilters
from ..extensions import db
from ..models import Contract, ContractStatus, Project, User
from ..pagination import decode_cursor, encode_cursor
from .paging import Page

FULL = (
    joinedload(Contract.project),
    joinedload(Contract.author),
    joinedload(Contract.claimer),
    joinedload(Contract.verification),
    selectinload(Contract.responses),
    selectinload(Contract.tags),
)


def contracts(filters: BoardFilters, status: ContractStatus | None, people: dict,
              cursor: str | None, limit: int) -> Page:  # fmt: skip
    """Newest first (by id), hidden ones left out. `people` may hold author/claimer usernames
    to filter by."""
    query = filters.apply(select(Contract).where(Contract.shown()), None)
    if status is not None:
        query = query.where(Contract.status == status)
    for role, column in (("author", Contract.author_id), ("claimer", Contract.claimer_id)):
        if people.get(role):
            user_id = select(User.id).where(User.username == people[role].lower())
            query = query.where(column == user_id.scalar_subquery())
    if cursor:
        (last_id,) = decode_cursor(cursor, 1)
        if not isinstance(last_id, int):
            last_id = 0
        query = query.where(Contract.id < last_id)
    rows = list(
        db.session.scalars(
            query.order_by(Contract.id.desc()).limit(limit + 1).options(*FULL)
        ).unique()
    )
    return _page(rows, limit, lambda row: (row.id,))


def contract(contract_id: int) -> Contract | None:
    """The contract, hidden or not (its author may still edit it over the API); never a draft."""
    query = select(Contract).where(Contract.id == contract_id, Contract.is_draft.is_(False))
    return db.session.scalar(query.options(*FULL))


def learners(track: str | None, cursor: str | None, limit: int) -> Page:
    """Alphabetical by username."""
    query = select(User).where(User.listed()).order_by(User.username)
    if track:
        query = query.where(User.track == track)
    if cursor:
        (after,) = decode_cursor(cursor, 1)
        query = query.where(User.username > str(after))
    rows = list(db.session.scalars(query.limit(limit + 1)))
    return _page(rows, limit, lambda row: (row.username,))


def learner(username: str) -> User | None:
    return db.session.scalar(select(User).where(User.username == username.lower(), User.listed()))


def projects() -> list[tuple[Project, int]]:
    counts = (
        select(Project, func.count(Contract.id))
        .outerjoin(Contract, and_(Contract.project_id == Project.id, Contract.shown()))
        .group_by(Project.id)
        .order_by(Project.name)
    )
    return [(row, count) for row, count in db.session.execute(counts)]


def _page(rows: list, limit: int, key) -> Page:
    items = rows[:limit]
    cursor = encode_cursor(*key(items[-1])) if len(rows) > limit and items else None
    return Page(items, cursor)
