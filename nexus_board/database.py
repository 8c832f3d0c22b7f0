"""Per-database connection settings, and SQL that must mean the same on SQLite and PostgreSQL.

(SQLite's lower() folds only ASCII letters, so no query lower-cases a name: users keep theirs
lower-cased by Python in `sort_name`.)

`constant(value, column)` writes a fixed value (a role, a state, a page size) into the SQL
instead of binding it: a prepared statement's generic plan then knows it. Bound, PostgreSQL
planned the learners directory for one learner of any role, and it ran 3 times slower.

`unindexed(column)` keeps SQLite's planner, which has no statistics, off an index that cannot
narrow anything down (see updates.queries.SHOWN).

On PostgreSQL, psycopg prepares a statement the fifth time a connection runs it, and forgets
every prepared one at a ROLLBACK. Each request ended with one, so every statement was planned
again every time (a contract with its joined rows: 3.5 ms of planning for 0.4 of work).
`end_reads` ends a request that only read with a COMMIT instead, which for a transaction of
SELECTs is the same thing.
"""

import sqlite3
import time

from sqlalchemy import Connection, Engine, event, literal
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

BUSY_TIMEOUT_MS = 10_000  # how long a statement waits for another connection's write
OPTIMIZE_EVERY_S = 60  # how often a SQLite connection refreshes its tables' statistics


def constant(value, column):
    """`value`, typed as `column`, in the statement's text rather than bound."""
    return literal(value, column.type, literal_execute=True)


class unindexed(FunctionElement):  # noqa: N801  (a SQL function, named like func.coalesce)
    """The column itself; on SQLite `+column`, which its planner never looks up in an index."""

    inherit_cache = True
    name = "unindexed"


@compiles(unindexed)
def _column(element, compiler, **kw) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(unindexed, "sqlite")
def _unindexed(element, compiler, **kw) -> str:
    return f"+{compiler.process(element.clauses, **kw)}"


WROTE = "nexus_board.wrote"  # in a connection's info: its transaction sent more than SELECTs


def configure(engine: Engine) -> None:
    """On SQLite: enforce foreign keys, let readers and a writer overlap, wait for locks, keep
    the planner's statistics. On PostgreSQL: note which transactions wrote (`end_reads`)."""
    if engine.dialect.name == "postgresql":
        _note_writes(engine)
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def sqlite_setup(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    if engine.url.database not in (None, "", ":memory:"):
        event.listen(engine, "checkin", _optimize)


OPTIMIZED = "nexus_board.optimized"  # in a pooled connection's info: when it last ran optimize


def _optimize(dbapi_connection, record) -> None:
    # Without statistics SQLite prefers any index an equality matches, hidden_at's among them
    # (every shown row), and sorts the whole table for a list of five. `PRAGMA optimize`
    # analyzes the tables this connection read that lack statistics or grew tenfold since, as
    # SQLite advises doing from time to time. Not at every check-in: it expires the
    # connection's prepared statements, so each statement of the next request was compiled
    # again (a contract page's 4: 0.5 ms). A bulk load analyzes at once (`analyze`). No
    # analysis_limit: a sampled count says every index is selective, the NULL-heavy ones too.
    # It never waits for a writer (the response is not sent yet): a later check-in will do.
    now, last = time.monotonic(), record.info.get(OPTIMIZED)
    if dbapi_connection is None or (last is not None and now - last < OPTIMIZE_EVERY_S):
        return
    try:
        dbapi_connection.execute("PRAGMA busy_timeout=0")
        dbapi_connection.execute("PRAGMA optimize")
        record.info[OPTIMIZED] = now
    except sqlite3.OperationalError:
        pass  # the database is busy
    finally:
        dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def analyze(connection: Connection) -> None:
    """After a bulk load (a seed, a restore): the planner's statistics for every table now,
    rather than at the next `PRAGMA optimize`, or autovacuum's next round on PostgreSQL."""
    connection.exec_driver_sql("ANALYZE")


def _note_writes(engine: Engine) -> None:
    @event.listens_for(engine, "before_cursor_execute")
    def note(connection, _cursor, statement, *_args):
        if statement.lstrip()[:6].upper() != "SELECT":  # a write, a savepoint, anything else
            connection.info[WROTE] = True

    @event.listens_for(engine, "commit")
    @event.listens_for(engine, "rollback")
    def forget(connection):
        connection.info.pop(WROTE, None)


def end_reads(session, error: BaseException | None) -> None:
    """At the end of a request: commit its transaction if it only ran SELECTs and holds no
    change, so PostgreSQL keeps the statements psycopg prepared. Anything else is left to
    the rollback that follows (a failed request, a write, a pending change)."""
    if error is not None or not session.in_transaction():
        return
    if session.new or session.dirty or session.deleted:
        return
    if not session.connection().info.get(WROTE):
        session.commit()
