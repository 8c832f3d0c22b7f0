"""Writing a backup: a header, every row of every table, and an end line.

    {"format": "nexus-board-backup", "version": 1, "revision": "0007", "tables": {name: [columns]}}
    {"table": "users", "row": {"id": 1, "username": "ada", ...}}
    ...
    {"end": {"rows": {"users": 13, ...}, "ids": {"contracts": 12, ...}}}

Tables come parents first; rows in primary-key order, streamed (the file is never in memory).
The end line says the file is whole: a backup cut short is refused by restore.
"""

import contextlib
import json
from collections.abc import Iterator
from typing import TextIO

from sqlalchemy import Connection, Engine, Table, select

from ...models.types import utcnow
from . import sequences
from .codec import encoder, selected
from .order import load_order

FORMAT, VERSION = "nexus-board-backup", 1
BATCH = 1000  # rows fetched at a time


def dumps(value) -> str:
    # ASCII only: no line separator (U+2028) or encoding can split or garble a line in any tool.
    return json.dumps(value, separators=(",", ":"))


@contextlib.contextmanager
def snapshot(engine: Engine) -> Iterator[Connection]:
    """A connection whose reads all see one moment, while the app goes on writing."""
    if engine.dialect.name == "postgresql":
        options = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
        with engine.connect().execution_options(**options) as connection:
            yield connection
        return
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            # The driver starts no transaction for reads; one read transaction is one snapshot.
            connection.exec_driver_sql("BEGIN")
        yield connection
        connection.rollback()


def write(connection: Connection, tables: list[Table], out: TextIO, revision: str) -> dict:
    """Write every row of `tables` to `out`; returns the rows written per table."""
    order = load_order(tables)
    header = {
        "format": FORMAT,
        "version": VERSION,
        "revision": revision,
        "engine": connection.dialect.name,
        "written_at": utcnow().isoformat(),
        "tables": {table.name: [column.name for column in table.columns] for table in order.tables},
    }
    out.write(dumps(header) + "\n")
    counts = {table.name: _rows(connection, table, out) for table in order.tables}
    ids = sequences.handed_out(connection, order.tables)
    out.write(dumps({"end": {"rows": counts, "ids": ids}}) + "\n")
    return counts


def _rows(connection: Connection, table: Table, out: TextIO) -> int:
    columns = list(table.columns)
    encoders = [(column.name, encoder(column)) for column in columns]
    query = select(*[selected(column) for column in columns])
    query = query.order_by(*(table.primary_key.columns or columns))
    written = 0
    for row in connection.execution_options(yield_per=BATCH).execute(query):
        values = {name: convert(value) if convert else value
                  for (name, convert), value in zip(encoders, row, strict=True)}  # fmt: skip
        out.write(dumps({"table": table.name, "row": values}) + "\n")
        written += 1
    return written
