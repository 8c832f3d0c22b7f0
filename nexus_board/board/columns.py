"""The board's SQL: which contracts a viewer's board shows, and the statements of its columns.

The columns' statements (four ranked id lists under the cards' joins, and the counts) took
longer to build than to run, so each is built once per shape (the filters, whose hidden
contracts show) and the viewer is bound per call. Each list's status and size are written into
the SQL (`constant`): bound, PostgreSQL's generic plan for the prepared statement ran twice as
long as a plan that knows them.
"""

from functools import lru_cache

from sqlalchemy import Integer, Select, bindparam, func, or_, select, true, union_all

from ..database import constant
from ..models import BoardCount, Contract, ContractStatus, User
from . import card_rows, policy
from .filters import BoardFilters

COLUMN_SIZE = 25  # two screens of cards; "Load more" brings the next 25 in place
NEWEST = (Contract.status_changed_at.desc(), Contract.id.desc())
SHOWN = Contract.shown()  # what the public sees: nothing hidden
PUBLISHED = Contract.is_draft.is_(False)
VIEWER = bindparam("viewer_id", type_=Integer)
SHAPES = 256  # statements kept: one per filters and kind of viewer in use lately


def seen_by(viewer: User | None) -> tuple[str, frozenset[int]]:
    """Whose hidden contracts `viewer`'s board shows: 'public' (none), 'admin' (all), 'author'
    (their own), 'backend' (their own and those of the projects they posted in, given)."""
    if viewer is None or not viewer.is_authenticated:
        return "public", frozenset()
    if viewer.is_admin:
        return "admin", frozenset()
    if viewer.is_backend:
        return "backend", policy.authored_projects(viewer.id)
    return "author", frozenset()


def on_board(seen: str, projects: frozenset[int], viewer_id) -> object:
    """SQL: the contracts a board `seen_by` returned shows (`viewer_id`: a value or VIEWER).
    Hidden ones only to those who may show them again (`policy.SEES_HIDDEN`: admins, the
    author, the project's other backend authors)."""
    if seen == "public":
        return SHOWN
    if seen == "admin":
        return true()
    return or_(SHOWN, _hidden_seen(seen, projects, viewer_id))


def _hidden_seen(seen: str, projects: frozenset[int], viewer_id) -> object:
    """SQL: which hidden contracts a board `seen_by` returned shows, besides the public's."""
    if seen == "admin":
        return true()
    theirs = [Contract.author_id == viewer_id]
    if seen == "backend":
        theirs.append(Contract.project_id.in_(projects))
    return or_(*theirs)


def statements(filters: BoardFilters, viewer: User | None) -> tuple[Select, Select, dict]:
    """The statements of `viewer`'s board under `filters` (the counts by status, the cards
    of each column's first page and one more) and the values to run them with."""
    seen, projects = seen_by(viewer)
    values = {} if seen == "public" else {"viewer_id": viewer.id}
    return *_built(filters, seen, projects), values


@lru_cache(maxsize=SHAPES)
def _built(filters: BoardFilters, seen: str, projects: frozenset[int]) -> tuple[Select, Select]:
    viewer_id = None if seen == "public" else VIEWER
    conditions = [*filters.conditions(viewer_id), on_board(seen, projects, viewer_id)]
    if filters.active:
        counts = select(Contract.status, func.count()).where(*conditions).group_by(Contract.status)
    else:
        counts = _unfiltered_counts(seen, projects, viewer_id)
    newest = [
        select(
            select(Contract.id)
            .where(Contract.status == constant(status, Contract.status), *conditions)
            .order_by(*NEWEST)
            .limit(constant(COLUMN_SIZE + 1, Contract.id))
            .subquery()
            .c.id
        )
        for status in ContractStatus
    ]
    return counts, card_rows.statement(union_all(*newest))


def _unfiltered_counts(seen: str, projects: frozenset[int], viewer_id) -> Select:
    """SQL: (status, count) rows that add up to an unfiltered board's counts: the public's,
    kept with the data (`kept_counts`), and the few hidden ones this viewer also sees."""
    kept = select(BoardCount.status, BoardCount.contracts)
    if seen == "public":
        return kept
    hidden = (
        select(Contract.status, func.count())
        .where(~SHOWN, PUBLISHED, _hidden_seen(seen, projects, viewer_id))
        .group_by(Contract.status)
    )
    return union_all(kept, hidden)
