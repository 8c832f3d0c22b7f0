"""SQLite's statistics: kept fresh without recompiling every request's statements.

`PRAGMA optimize` expires the connection's prepared statements; run at every check-in, each
statement of the next request was compiled again (measured in bench/: 0.5 ms of a contract page).
"""

import sqlite3

from nexus_board import database


class Recording:
    """A DB-API connection that notes what it is asked to run."""

    def __init__(self):
        self.ran = []

    def execute(self, sql):
        self.ran.append(sql)


class Entry:  # the pool's record of one connection
    def __init__(self):
        self.info = {}


def test_optimize_runs_once_a_minute_per_connection_not_at_every_check_in(monkeypatch):
    clock = [1_000.0]
    monkeypatch.setattr(database.time, "monotonic", lambda: clock[0])
    connection, entry, other = Recording(), Entry(), Entry()
    for _ in range(3):  # three requests in the same second
        database._optimize(connection, entry)
    assert connection.ran.count("PRAGMA optimize") == 1
    database._optimize(connection, other)  # another connection keeps its own minute
    assert connection.ran.count("PRAGMA optimize") == 2
    clock[0] += database.OPTIMIZE_EVERY_S
    database._optimize(connection, entry)
    assert connection.ran.count("PRAGMA optimize") == 3
    assert connection.ran[-1] == f"PRAGMA busy_timeout={database.BUSY_TIMEOUT_MS}"


def test_a_busy_database_is_optimized_at_a_later_check_in(monkeypatch):
    class Busy(Recording):
        def execute(self, sql):
            super().execute(sql)
            if sql == "PRAGMA optimize":
                raise sqlite3.OperationalError("database is locked")

    connection, entry = Busy(), Entry()
    database._optimize(connection, entry)
    database._optimize(connection, entry)  # the first did not count: try again
    assert connection.ran.count("PRAGMA optimize") == 2
    assert connection.ran[-1] == f"PRAGMA busy_timeout={database.BUSY_TIMEOUT_MS}"
