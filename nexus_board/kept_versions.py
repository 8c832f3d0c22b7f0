"""Versions kept with the data (`models.KeptVersion`): a value a process keeps under one is
right while the version read in the same statement as the value's use is the same.

`moves(name, tables)` moves `name`'s version in every transaction that writes one of
`tables`, just before it commits (`written.before_commit`). Moving it locks its row until the
commit, so versions follow the order of commits: a value computed at a version saw every
write before it, and any later write moves it.
"""

from sqlalchemy import Connection, ScalarSelect, select
from sqlalchemy.dialects import postgresql, sqlite

from . import written
from .database import constant
from .models import KeptVersion


def moves(name: str, tables: set[str]) -> None:
    """Move `name`'s version whenever a transaction that wrote `tables` commits."""
    written.before_commit(f"{name} version", tables, lambda connection: move(connection, name))


def move(connection: Connection, name: str) -> None:
    """Move `name`'s version (its row made at 1 if it has none yet)."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(KeptVersion).values(name=name, version=1)
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=[KeptVersion.name],
            set_={"version": KeptVersion.__table__.c.version + 1},
        )
    )


def current(name: str) -> ScalarSelect:
    """SQL: `name`'s version now (NULL before its first move)."""
    row = KeptVersion.name == constant(name, KeptVersion.name)
    return select(KeptVersion.version).where(row).scalar_subquery()
