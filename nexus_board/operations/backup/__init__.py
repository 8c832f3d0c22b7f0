"""Backup and restore: every table as JSON Lines with the schema revision, on either engine.

`flask nexus backup FILE` reads one consistent snapshot while the app runs; `flask nexus
restore FILE` loads it into an empty database, SQLite or PostgreSQL, whichever wrote it. Both
work over whatever tables `db.metadata` holds, so a new model is backed up with no change here.
A backup from an older release is loaded at its own revision, then migrated to this one's.
"""

import contextlib
import gzip
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from flask_migrate import upgrade
from sqlalchemy import Connection, MetaData, inspect, select

from ... import database
from ...board import kept_counts
from ...errors import Conflict, DomainError
from ...extensions import db
from . import dump, restore, schema


@dataclass(frozen=True)
class Summary:
    revision: str
    rows: dict[str, int]

    def __str__(self) -> str:
        rows, tables = sum(self.rows.values()), len(self.rows)
        return f"{rows:,} rows in {tables} tables (schema {self.revision})"


def write_backup(target: str) -> Summary:
    """Write the database to `target` (a path, `-` for stdout; `.gz` compresses)."""
    with dump.snapshot(db.engine) as connection:
        revision, release = schema.current(connection), schema.head()
        if revision != release:
            raise Conflict(
                f"The database is at schema {revision or 'none'}, this release at {release}: "
                "run `flask db upgrade` first."
            )
        with _output(target) as out:
            rows = dump.write(connection, list(db.metadata.tables.values()), out, revision)
    return Summary(revision, rows)


def restore_backup(source: str) -> Summary:
    """Load the backup at `source` (`-` for stdin) into this empty database."""
    with _input(source) as lines:
        head = restore.header(next(lines, ""))
        revision, release = head.get("revision"), schema.head()
        if not isinstance(revision, str) or not schema.known(revision):
            raise Conflict(
                f"This backup is at schema {revision}, newer than this release's ({release}): "
                "restore it with the release that wrote it, or a later one."
            )
        with db.engine.connect() as connection:
            start = schema.current(connection)
            _refuse_rows(connection, start)
        schema.move_empty_database(start, revision)
        with db.engine.begin() as connection:
            rows = restore.load(connection, _tables(connection, revision, release), head, lines)
    if revision != release:
        upgrade()
    with db.engine.begin() as connection:
        kept_counts.recount(connection)  # the load bypassed the session's recount
        database.analyze(connection)
    return Summary(revision, rows)


def _tables(connection: Connection, revision: str, release: str) -> dict:
    if revision == release:
        return dict(db.metadata.tables)
    reflected = MetaData()  # an older schema: the tables as that revision made them
    reflected.reflect(connection)
    return dict(reflected.tables)


def _refuse_rows(connection: Connection, revision: str | None) -> None:
    names = [n for n in inspect(connection).get_table_names() if n != "alembic_version"]
    if names and revision is None:
        raise Conflict(
            "This database has tables but no schema revision: restore into an empty database "
            "(a new one, or one that `flask db upgrade` made)."
        )
    reflected = MetaData()
    reflected.reflect(connection, only=names)
    full = [t.name for t in reflected.sorted_tables
            if connection.execute(select(1).select_from(t).limit(1)).first()]  # fmt: skip
    if full:
        shown = ", ".join(full[:3]) + (" …" if len(full) > 3 else "")
        raise Conflict(
            f"This database is not empty ({shown} have rows): restore only into an empty "
            "database, so nothing in it is mixed with or lost under the backup."
        )


@contextlib.contextmanager
def _output(target: str) -> Iterator[TextIO]:
    """Write to a partial file, renamed when complete: a failed backup never looks whole."""
    if target == "-":
        yield sys.stdout
        return
    path = Path(target)
    partial = path.with_name(path.name + ".partial")
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(partial, "wt", encoding="utf-8") as out:
            yield out
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


@contextlib.contextmanager
def _input(source: str) -> Iterator[Iterator[str]]:
    if source == "-":
        yield iter(sys.stdin)
        return
    try:
        with open(source, "rb") as probe:
            compressed = probe.read(2) == b"\x1f\x8b"
        with (gzip.open if compressed else open)(source, "rt", encoding="utf-8") as lines:
            yield iter(lines)
    except (OSError, UnicodeDecodeError, EOFError) as error:
        raise DomainError(f"Cannot read {source}: {error}") from None
