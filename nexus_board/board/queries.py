"""Reading the board: columns, pages of a column, and helpers for the hub and dashboards.

Every function issues a fixed number of statements, however many contracts there are.
"""

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import Select, and_, bindparam, case, func, or_, select
from sqlalchemy.orm import defer, joinedload, selectinload

from ..caching import generations
from ..extensions import db
from ..lists import Lists, joined, ranked
from ..models import Comment, Contract, ContractStatus, ContractTag, Project, Revision, User
from ..pagination import decode_time_cursor, encode_cursor
from . import card_rows, columns, listed
from .columns import COLUMN_SIZE, NEWEST, PUBLISHED, SHOWN
from .filters import BoardFilters
from .lookup import card_options

# Lists for other pages (hub, dashboards) keep the timestamps they may show.
LISTED = (*card_options(), defer(Contract.description), defer(Contract.request_example))


@dataclass
class Column:
    status: ContractStatus
    count: int
    items: list[Contract]
    next_cursor: str | None


def marker() -> str:
    """Changes whenever the board does, or a name shown on it (profiles): polls compare it."""
    return generations("board", "profiles")


def on_board_of(viewer: User | None):
    """SQL: the contracts `viewer`'s board shows (columns.on_board)."""
    return columns.on_board(*columns.seen_by(viewer), _id(viewer))


def board(filters: BoardFilters, viewer: User | None) -> list[Column]:
    """The four columns, newest first, each with its first page: two statements (and, for a
    backend learner, the projects they posted in: `columns.seen_by`)."""
    counts, cards, values = columns.statements(filters, viewer)
    counted = _counts(counts, values)
    by_status = {status: [] for status in ContractStatus}
    for contract in sorted(card_rows.run(cards, values), key=_newest_first):
        by_status[contract.status].append(contract)
    return [_column(s, counted[s], by_status[s]) for s in ContractStatus]


def column_page(
    status: ContractStatus, filters: BoardFilters, viewer: User | None, cursor: str
) -> Column:
    """The next page of one column after `cursor` (from the previous page)."""
    after, last_id = decode_time_cursor(cursor)
    query = (
        filters.apply(select(Contract.id), _id(viewer))
        .where(Contract.status == status, on_board_of(viewer))
        .order_by(*NEWEST)
        .limit(COLUMN_SIZE + 1)
    )
    query = query.where(
        or_(
            Contract.status_changed_at < after,
            and_(Contract.status_changed_at == after, Contract.id < last_id),
        )
    )
    cards = sorted(card_rows.read(select(query.subquery().c.id)), key=_newest_first)
    return _column(status, None, cards)


def status_counts(filters: BoardFilters | None = None, viewer: User | None = None) -> dict:
    """{ContractStatus: count} for every status (zeros included) on `viewer`'s board (the
    public's if None): one statement."""
    counts, _cards, values = columns.statements(filters or BoardFilters(), viewer)
    return _counts(counts, values)


def _counts(statement: Select, values: dict) -> dict:
    counts = dict.fromkeys(ContractStatus, 0)
    for status, count in db.session.connection().execute(statement, values):  # parts to add up
        counts[ContractStatus(status)] += count
    return counts


def _count(condition):
    """SQL: how many rows meet `condition` (0, not NULL, when there are none)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def work_counts(user_id: int) -> dict[str, int]:
    """How many contracts the public sees `user_id` posted, holds, and took to done (posted or
    held): one query. Hidden ones and drafts are left out: the README card is public."""
    theirs = or_(Contract.author_id == user_id, Contract.claimer_id == user_id)
    row = db.session.execute(
        select(
            _count(Contract.author_id == user_id),
            _count(Contract.claimer_id == user_id),
            _count(and_(theirs, Contract.status == ContractStatus.DONE)),
        ).where(theirs, SHOWN, PUBLISHED)
    ).one()
    return dict(zip(("posted", "claimed", "done"), map(int, row), strict=True))


def recent_contracts(limit: int = 5) -> list[Contract]:
    """The newest posted contracts the public sees, with project, author, claimer and tags."""
    query = select(Contract).where(SHOWN, PUBLISHED)
    return _cards(query.order_by(Contract.created_at.desc(), Contract.id.desc()), limit)


def drafts_of(user_id: int) -> list[Contract]:
    """`user_id`'s drafts, oldest first: only they see them, until they publish each."""
    query = select(Contract).where(Contract.author_id == user_id, Contract.is_draft.is_(True))
    return list(
        db.session.scalars(
            query.order_by(Contract.id).options(*card_options(), selectinload(Contract.responses))
        ).unique()
    )


def claims_of(user_id: int, limit: int = 20) -> list[Contract]:
    """Contracts `user_id` holds, most recently moved first; hidden ones too (they build on it)."""
    return _cards(select(Contract).where(Contract.claimer_id == user_id).order_by(*NEWEST), limit)


def contracts_by(user_id: int, limit: int = 20) -> list[Contract]:
    """Contracts `user_id` posted, most recently edited first."""
    query = select(Contract).where(Contract.author_id == user_id, PUBLISHED)
    return _cards(query.order_by(Contract.updated_at.desc(), Contract.id.desc()), limit)


def hub_lists(
    user_id: int | None,
    since: datetime | None,
    *,
    work: int,
    moves: int,
    edits: int = 0,
    recent: int = 0,
) -> dict[str, list]:
    """A dashboard's lists of contracts in one statement: the `work` `user_id` holds and
    posted, the `moves` on theirs and the `edits` others made to those they hold or posted
    (`ListedEdit`s) after `since` (all if None), and, if asked, the `recent` newest (the hub's);
    with no `user_id` (a visitor), the `recent` alone."""
    values = {"recent": recent}
    if user_id is not None:
        values |= {"user_id": user_id, "work": work, "moves": moves, "edits": edits}
        values |= {"since": since}
    lists = _hub_lists(bool(recent), user_id is not None, since is not None)
    found = {}
    for name, rows in lists.read(values).items():
        parse = listed.parse_edit if name == "edits" else listed.parse
        found[name] = [parse(row) for row in rows]
    return found


@cache
def _hub_lists(recent: bool, signed_in: bool, since: bool) -> Lists:
    # Built once per shape, the learner, time and limits bound per call.
    named = {}
    if recent:
        newest_posted = (Contract.created_at.desc(), Contract.id.desc())
        shown = select(Contract.id).where(SHOWN, PUBLISHED)
        named["recent"] = ranked(shown, newest_posted, bindparam("recent"))
    if not signed_in:
        return joined(named, listed.statement)
    user_id, after = bindparam("user_id"), bindparam("since")
    edited = (Contract.updated_at.desc(), Contract.id.desc())
    held = select(Contract.id).where(Contract.claimer_id == user_id)
    theirs = select(Contract.id).where(Contract.author_id == user_id, PUBLISHED)
    moved = theirs.where(Contract.claimer_id.is_not(None))
    mine = or_(Contract.claimer_id == user_id, Contract.author_id == user_id)
    by_others = (
        select(Revision.contract_id, Revision.id.label("detail"))
        .join(Contract, Revision.contract_id == Contract.id)
        .where(mine, Revision.editor_id != user_id)
    )
    if since:
        moved = moved.where(Contract.status_changed_at > after)
        by_others = by_others.where(Revision.created_at > after)
    work = bindparam("work")
    named |= {
        "claims": ranked(held, NEWEST, work),
        "contracts": ranked(theirs, edited, work),
        "moves": ranked(moved, NEWEST, bindparam("moves")),
        "edits": ranked(
            by_others, (Revision.created_at.desc(), Revision.id.desc()), bindparam("edits")
        ),  # fmt: skip
    }
    return joined(named, listed.with_edits)


def revisions_of(contract_id: int) -> list[Revision]:
    """A contract's saved edits, newest first, with their editors."""
    return list(db.session.scalars(_REVISIONS_OF, {"contract_id": contract_id}))


# A contract page's statements are built once, the contract (and viewer) bound per call:
# building and keying one cost more than running it.
_REVISIONS_OF = (
    select(Revision)
    .where(Revision.contract_id == bindparam("contract_id"))
    .order_by(Revision.version.desc())
    .options(joinedload(Revision.editor))
)


def revision_stamps(contract_id: int) -> list[tuple]:
    """Each saved edit's version, time and editor's name, newest first, as plain rows: what a
    kept history (contract_parts.py) shows that its contract's version does not name."""
    rows = db.session.execute(_REVISION_STAMPS, {"contract_id": contract_id})
    return [tuple(row) for row in rows]


_REVISION_STAMPS = (
    select(Revision.version, Revision.created_at, User.display_name)
    .join(User, User.id == Revision.editor_id)
    .where(Revision.contract_id == bindparam("contract_id"))
    .order_by(Revision.version.desc())
)


def claimer_alerts(contract: Contract) -> list[dict]:
    """The breaking, then possibly breaking, changes of the edits its claimer has not seen."""
    query = select(Revision.classified).where(
        Revision.contract_id == contract.id, Revision.version > (contract.seen_version or 0)
    )
    found = [c for row in db.session.scalars(query) for c in row or [] if c["severity"] != "safe"]
    return sorted(found, key=lambda change: change["severity"] != "breaking")


def comments_on(contract_id: int, viewer: User | None = None) -> list[Comment]:
    """A contract's comment thread, oldest first, with the authors. A comment a moderator hid
    shows to its author and admins only (with the reason)."""
    values = {"contract_id": contract_id}
    if viewer is None or not viewer.is_authenticated:
        return list(db.session.scalars(_comments("visitor"), values))
    if viewer.is_admin:
        return list(db.session.scalars(_comments("admin"), values))
    return list(db.session.scalars(_comments("learner"), values | {"viewer_id": viewer.id}))


@cache
def _comments(seen_by: str) -> Select:
    query = (
        select(Comment)
        .where(Comment.contract_id == bindparam("contract_id"))
        .order_by(Comment.id)
        .options(joinedload(Comment.author), joinedload(Comment.hidden_by))
    )
    if seen_by == "visitor":
        return query.where(Comment.shown())
    if seen_by == "learner":
        return query.where(or_(Comment.shown(), Comment.author_id == bindparam("viewer_id")))
    return query


def project_with_contracts(slug: str) -> tuple[Project, list[Contract]] | None:
    """A project and its contracts but hidden ones, with responses and tags (for exports and
    mocks)."""
    project = db.session.scalar(select(Project).where(Project.slug == slug))
    if project is None:
        return None
    contracts = db.session.scalars(
        select(Contract)
        .where(Contract.project_id == project.id, SHOWN, PUBLISHED)  # no draft is exported
        .options(selectinload(Contract.responses), selectinload(Contract.tags))
    ).all()
    return project, list(contracts)


def project_choices() -> list[Project]:
    return list(db.session.scalars(select(Project).order_by(Project.name)))


def tag_choices(limit: int = 200) -> list[str]:
    """The most used tags, alphabetically."""
    popular = (
        select(ContractTag.name)
        .group_by(ContractTag.name)
        .order_by(func.count().desc(), ContractTag.name)
        .limit(limit)
    )
    return sorted(db.session.scalars(popular))


def _id(viewer: User | None) -> int | None:
    return viewer.id if viewer is not None and viewer.is_authenticated else None


def _cards(query, limit: int) -> list[Contract]:
    return list(db.session.scalars(query.limit(limit).options(*LISTED)).unique())


def _newest_first(contract: Contract):
    return (-contract.status_changed_at.timestamp(), -contract.id)


def _column(status: ContractStatus, count: int | None, rows: list[Contract]) -> Column:
    items = rows[:COLUMN_SIZE]
    cursor = None
    if len(rows) > COLUMN_SIZE:
        last = items[-1]
        cursor = encode_cursor(last.status_changed_at.isoformat(), last.id)
    return Column(status, count, items, cursor)
