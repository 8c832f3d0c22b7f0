"""The board's numbers for the hub's charts, in one statement: the counts per status kept with
the data (`kept_counts`), and each week's done contracts from a range of one index."""

import functools
from datetime import datetime, timedelta
from itertools import pairwise

from sqlalchemy import bindparam, func, select

from ..database import constant
from ..extensions import db
from ..models import BoardCount, Contract, ContractStatus
from .queries import PUBLISHED, SHOWN


def chart_counts(weeks: list[datetime]) -> tuple[dict, list[int]]:
    """({ContractStatus: count} on the public board, [contracts done now that got there in
    each week]) for `weeks`, the weeks' starts in order (each ends where the next begins, the
    last a week on): one statement."""
    row = db.session.execute(statement(len(weeks)), values(weeks)).one()
    return counts_of(row)


def values(weeks: list[datetime]) -> dict[str, datetime]:
    """The bounds `statement(len(weeks))` reads, for `weeks` (their starts, in order)."""
    bounds = [*weeks, weeks[-1] + timedelta(weeks=1)] if weeks else []
    return {f"week{i}": moment for i, moment in enumerate(bounds)}


def counts_of(row) -> tuple[dict, list[int]]:
    """`chart_counts`' answer from the values of `statement`'s columns, in their order."""
    statuses = dict(zip(ContractStatus, row[: len(ContractStatus)], strict=True))
    return statuses, list(row[len(ContractStatus) :])


@functools.cache
def statement(weeks: int):
    """SQL: one row, the counts per status then per week (bounds bound as week0…weekN)."""

    # Built once per number of weeks (the SQL, not data): twelve subqueries take longer to
    # build than to run.
    def count(*conditions):
        return select(func.count()).where(SHOWN, PUBLISHED, *conditions).scalar_subquery()

    done = Contract.status == ContractStatus.DONE
    changed = Contract.status_changed_at
    bounds = [bindparam(f"week{i}", type_=changed.type) for i in range(weeks + 1)]
    columns = [func.coalesce(_kept(status), 0) for status in ContractStatus]
    columns += [count(done, changed >= start, changed < end) for start, end in pairwise(bounds)]
    return select(*columns)


def _kept(status: ContractStatus):
    """SQL: the count of `status` that `kept_counts` keeps (NULL before its first recount)."""
    row = BoardCount.status == constant(status, BoardCount.status)
    return select(BoardCount.contracts).where(row).scalar_subquery()
