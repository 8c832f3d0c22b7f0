"""The public board's count of contracts per status, kept in `board_counts` with the data.

A transaction that writes contracts (an ORM change to one, or an INSERT, UPDATE or DELETE
statement on the table: every service, and anything else that goes through the session)
recounts them just before it commits (`written.before_commit`). It first locks the four rows,
so the next such transaction waits for this one to commit, and its count then sees every
earlier commit: the rows are exact after every commit, on either engine. A recount is one
count of the shown contracts, the cost a board page paid on every uncached render, now paid
once per write.

Bulk loads that bypass the session (a restore) call `recount` themselves.
"""

from flask import Flask
from sqlalchemy import Connection, bindparam, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from .. import written
from ..models import BoardCount, Contract, ContractStatus
from .columns import PUBLISHED, SHOWN


def init_app(app: Flask) -> None:
    written.before_commit("board counts", {Contract.__tablename__}, recount)


def counts(connection: Connection) -> dict[ContractStatus, int]:
    """{ContractStatus: count} of what the public board shows (zeros included)."""
    found = dict.fromkeys(ContractStatus, 0)
    found.update(connection.execute(select(BoardCount.status, BoardCount.contracts)).all())
    return found


def recount(connection: Connection) -> None:
    """Count the shown contracts again and keep the counts, waiting for any other recount."""
    locked = select(BoardCount.status, BoardCount.contracts).with_for_update()  # SQLite: its
    kept = dict(connection.execute(locked).all())  # write lock already serializes writers
    counted = dict.fromkeys(ContractStatus, 0)
    shown = select(Contract.status, func.count()).where(SHOWN, PUBLISHED)
    counted.update(connection.execute(shown.group_by(Contract.status)).all())
    if missing := [status for status in ContractStatus if status not in kept]:
        _insert_missing(connection, missing)  # a database made by create_all, not migrations
    moved = [{"b_status": s, "b_count": n} for s, n in counted.items() if kept.get(s) != n]
    if moved:
        connection.execute(
            update(BoardCount)
            .where(BoardCount.status == bindparam("b_status"))
            .values(contracts=bindparam("b_count")),
            moved,
        )


def _insert_missing(connection: Connection, statuses: list[ContractStatus]) -> None:
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    rows = [{"status": status, "contracts": 0} for status in statuses]
    connection.execute(dialect.insert(BoardCount).on_conflict_do_nothing(), rows)
