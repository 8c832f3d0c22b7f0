"""Several short ordered lists of one table's ids, read in one statement (a page's sidebars).

Each list is a `ranked(select(Model.id).where(…), order, limit)`; `read` sends their UNION,
then loads every row they name at once (`load(ids)`), and gives back each list in its order.
"""

from collections.abc import Callable, Iterable

from sqlalchemy import Select, func, literal_column, select, union_all

from .extensions import db


def ranked(stmt: Select, order: tuple, limit: int | None = None):
    """`stmt` (selecting one id column) as a list: its rows' positions under `order`, `limit`ed."""
    stmt = stmt.add_columns(func.row_number().over(order_by=order).label("position"))
    return stmt.order_by(*order).limit(limit).subquery()


def read(named: dict, load: Callable[[set[int]], Iterable]) -> dict[str, list]:
    """{name: rows in order} for {name: ranked(...)}: the UNION, then `load` of all their ids."""
    if not named:
        return {}
    ids = ids_of(named)
    everyone = {i for found in ids.values() for i in found}
    return in_lists(ids, load(everyone) if everyone else [])


def ids_of(named: dict) -> dict[str, list[int]]:
    """{name: ids in order} for {name: ranked(...)}, in one statement."""
    names = list(named)
    parts = [  # the list's number as a literal, not a parameter: typed alike on every database
        select(literal_column(str(i)).label("kind"), q.c[0].label("id"), q.c.position)
        for i, q in enumerate(named.values())
    ]
    found = {name: [] for name in names}
    for row in sorted(db.session.execute(union_all(*parts)), key=lambda row: row.position):
        found[names[row.kind]].append(row.id)
    return found


def in_lists(ids: dict[str, list[int]], rows) -> dict[str, list]:
    """The lists of `ids` with each id replaced by its row (`rows` holds all of them)."""
    by_id = {row.id: row for row in rows}
    return {name: [by_id[i] for i in found if i in by_id] for name, found in ids.items()}
