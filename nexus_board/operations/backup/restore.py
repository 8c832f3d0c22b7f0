"""Loading a backup into tables that have no rows, in one transaction.

Rows are inserted in batches, tables in the file's order (parents first, which is checked);
deferred foreign keys (see `order.py`) are filled in once every row is in, then each table's id
counter carries on from the backup's. Any problem rolls the whole load back.
"""

import json
from collections.abc import Iterable

from sqlalchemy import Connection, Table, and_, bindparam

from ...errors import DomainError
from . import sequences
from .codec import bound, decoder
from .dump import BATCH, FORMAT, VERSION
from .order import load_order

CUT_SHORT = "The backup ends early (no end line): it was cut short. Nothing was restored."


def header(line: str) -> dict:
    """The backup's first line, checked."""
    try:
        found = json.loads(line)
    except ValueError:
        found = None
    if not isinstance(found, dict) or found.get("format") != FORMAT:
        raise DomainError("This file is not a Nexus Board backup.")
    if found.get("version") != VERSION:
        raise DomainError(f"This backup's format {found.get('version')!r} is not {VERSION}.")
    return found


def _same(value):
    return value


class TableWriter:
    """One table's rows, inserted a batch at a time; its deferred foreign keys kept aside."""

    def __init__(self, connection: Connection, table: Table, names: list[str], deferred: list):
        self.connection, self.table = connection, table
        columns = {column.name: column for column in table.columns}
        self.columns = [columns[name] for name in names]
        self.decoders = [decoder(column) or _same for column in self.columns]
        self.statement = table.insert().values(
            {column: bound(column, f"p{n}") for n, column in enumerate(self.columns)}
        )
        self.later = {column.name for fk in deferred for column in fk.columns}
        self.updates = [Deferred(table, fk, names) for fk in deferred]
        self.batch: list[dict] = []

    def add(self, row: dict) -> None:
        values = [convert(row[column.name]) for convert, column in zip(
            self.decoders, self.columns, strict=True)]  # fmt: skip
        for later in self.updates:
            later.keep(row, values)
        pairs = enumerate(zip(self.columns, values, strict=True))
        self.batch.append(
            {f"p{n}": None if column.name in self.later else value for n, (column, value) in pairs}
        )
        if len(self.batch) == BATCH:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            self.connection.execute(self.statement, self.batch)
            self.batch = []


class Deferred:
    """A foreign key loaded as NULL: its values, set by UPDATE once every row is in."""

    def __init__(self, table: Table, fk, names: list[str]):
        self.keys = list(table.primary_key.columns)
        self.targets = list(fk.columns)
        self.key_at = [names.index(c.name) for c in self.keys]
        self.target_at = [names.index(c.name) for c in self.targets]
        where = and_(*[key == bindparam(f"k{n}", type_=key.type) for n, key in
                       enumerate(self.keys)])  # fmt: skip
        self.statement = (
            table.update()
            .where(where)
            .values({c: bindparam(f"v{n}", type_=c.type) for n, c in enumerate(self.targets)})
        )
        self.rows: list[dict] = []

    def keep(self, row: dict, values: list) -> None:
        targets = [values[at] for at in self.target_at]
        if any(value is not None for value in targets):
            self.rows.append(
                {f"k{n}": values[at] for n, at in enumerate(self.key_at)}
                | {f"v{n}": value for n, value in enumerate(targets)}
            )

    def apply(self, connection: Connection) -> None:
        for start in range(0, len(self.rows), BATCH):
            connection.execute(self.statement, self.rows[start : start + BATCH])


def load(connection: Connection, tables: dict[str, Table], head: dict, lines: Iterable[str]):
    """Insert every row after the header; returns the rows per table."""
    names = list(head["tables"])
    for name in names:
        table = tables.get(name)
        if table is None or set(head["tables"][name]) - {c.name for c in table.columns}:
            raise DomainError(f"This database's schema has no place for the backup's {name}.")
    deferred = load_order([tables[name] for name in names]).deferred
    _check_order([tables[name] for name in names], deferred)
    counts, end, writer, position, later = dict.fromkeys(names, 0), None, None, -1, []
    for line in lines:
        item = json.loads(line)
        if "end" in item:
            end = item["end"]
            break
        name = item.get("table")
        if writer is None or name != writer.table.name:
            if writer is not None:
                writer.flush()
            if name not in names or names.index(name) <= position:
                raise DomainError(f"The backup's rows of {name!r} are out of place.")
            position = names.index(name)
            writer = TableWriter(
                connection, tables[name], head["tables"][name], deferred.get(name, [])
            )
            later += writer.updates
        writer.add(item["row"])
        counts[name] += 1
    if writer is not None:
        writer.flush()
    if end is None:
        raise DomainError(CUT_SHORT)
    if end.get("rows") != counts:
        raise DomainError("The backup's rows do not add up to what its end line says.")
    for update in later:
        update.apply(connection)
    sequences.carry_on(connection, [tables[name] for name in names], end.get("ids", {}))
    return counts


def _check_order(tables: list[Table], deferred: dict[str, list]) -> None:
    """Every parent a table points at (but for deferred keys) loads before it."""
    position = {table.name: n for n, table in enumerate(tables)}
    for table in tables:
        for fk in table.foreign_key_constraints:
            if fk in deferred.get(table.name, []):
                continue
            parent = fk.referred_table.name
            if position.get(parent, len(tables)) >= position[table.name]:
                raise DomainError(f"The backup lists {table.name} before {parent}, which it needs.")
