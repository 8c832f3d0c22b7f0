"""Several short ordered lists of one table and the rows they name, in one statement (a page's
sidebars).

Each list is a `ranked(select(Model.id).where(…), order, limit)`; `joined` puts their UNION under
the rows a caller selects for it, so one statement reads every list with its rows, in order.
Build it once per shape (which lists) and bind the values (limits, viewer) per call: building a
statement of this size cost more than running it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import (
    Integer,
    Select,
    Subquery,
    cast,
    func,
    literal_column,
    null,
    select,
    union_all,
)

from .extensions import db


def ranked(stmt: Select, order: tuple, limit=None):
    """`stmt` (selecting an id column, perhaps a `detail` too) as a list: its rows' positions
    under `order`, `limit`ed (a number or a bound parameter)."""
    stmt = stmt.add_columns(func.row_number().over(order_by=order).label("position"))
    return stmt.order_by(*order).limit(limit).subquery()


@dataclass(frozen=True)
class Lists:
    """Named lists and the statement that reads them with their rows (`joined`)."""

    names: tuple[str, ...]
    statement: Select

    def read(self, values: dict) -> dict[str, list[tuple]]:
        """{name: its rows in order}, each row as the caller's columns selected them."""
        found = {name: [] for name in self.names}
        for row in db.session.execute(self.statement, values):
            found[self.names[row[0]]].append(row[2:])
        return found


def joined(named: dict, rows: Callable[[Subquery], Select]) -> Lists:
    """{name: ranked(...)} as one statement: `rows(lists)` selects the rows of the lists' UNION
    `lists` (columns kind, id, detail, position), joining its table on `lists.c.id`; each row
    comes with its list and position first, in order. A row in two lists comes twice. A list
    whose select names a second column `detail` (the id of another table's row it is about: an
    edit of the contract) gives it in `lists.c.detail`; the others give NULL."""
    parts = [  # the list's number as a literal, not a parameter: typed alike on every database
        select(literal_column(str(i)).label("kind"), q.c[0].label("id"), _detail(q), q.c.position)
        for i, q in enumerate(named.values())
    ]
    lists = union_all(*parts).subquery("lists")
    stmt = rows(lists)
    stmt = stmt.with_only_columns(lists.c.kind, lists.c.position, *stmt.selected_columns)
    return Lists(tuple(named), stmt.order_by(lists.c.kind, lists.c.position))


def _detail(listed):
    detail = listed.c.detail if "detail" in listed.c else cast(null(), Integer)
    return detail.label("detail")
