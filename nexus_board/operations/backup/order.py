"""In which order tables load, and which foreign keys wait until every row is in.

Tables load parents first. A foreign key that no order can satisfy (a table that points at
itself, or tables that point at each other) is loaded as NULL and filled in afterwards, so
those columns must be nullable; a cycle of NOT NULL keys cannot be restored with plain INSERTs,
and is refused before anything is written.
"""

from dataclasses import dataclass

from sqlalchemy import ForeignKeyConstraint, Table
from sqlalchemy.sql.ddl import sort_tables_and_constraints

from ...errors import DomainError


@dataclass(frozen=True)
class LoadOrder:
    tables: list[Table]
    # Per table name: the constraints whose columns are loaded NULL, then updated.
    deferred: dict[str, list[ForeignKeyConstraint]]


def load_order(tables: list[Table]) -> LoadOrder:
    """Parents before children; self-referencing foreign keys and, in each cycle, its nullable
    ones deferred (a cycle's NOT NULL key then orders the tables)."""
    tables = sorted(tables, key=lambda table: table.name)
    cyclic = _leftover(sort_tables_and_constraints(tables))
    nullable = {fk for fk in cyclic if _nullable(fk)}
    pairs = sort_tables_and_constraints(
        tables, filter_fn=lambda fk: True if fk in nullable else None
    )
    selfish = [fk for table in tables for fk in table.foreign_key_constraints
               if fk.referred_table is table]  # fmt: skip
    deferred: dict[str, list[ForeignKeyConstraint]] = {}
    for fk in dict.fromkeys(_leftover(pairs) + selfish):
        if not _nullable(fk):
            names = ", ".join(column.key for column in fk.columns)
            raise DomainError(
                f"Table {fk.table.name} cannot be restored row by row: its foreign key "
                f"({names}) is part of a cycle and NOT NULL."
            )
        deferred.setdefault(fk.table.name, []).append(fk)
    return LoadOrder([table for table, _ in pairs if table is not None], deferred)


def _leftover(pairs) -> list[ForeignKeyConstraint]:
    """The constraints no table order satisfies (sort_tables_and_constraints lists them last)."""
    return [fk for table, fks in pairs if table is None for fk in fks]


def _nullable(fk: ForeignKeyConstraint) -> bool:
    return all(column.nullable for column in fk.columns)
