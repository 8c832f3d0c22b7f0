"""Rate limits: each route's by name, and counters in a SQLite file for Flask-Limiter when no
Redis is configured.

Every worker process on the machine shares the file (or the Redis), so a limit means the same
thing whichever worker answers. Registered with `limits` under the scheme `nexus+sqlite://<path>`.
"""

import os
import random
import sqlite3
import threading
import time

from flask import current_app
from limits.storage import Storage

from .limits import RATES


def rate(name: str):
    """The limit `name` of limits.RATES, read from the app's RATE_LIMITS per request."""
    RATES[name]  # an unknown name fails when the view is imported, not on a request
    return lambda: current_app.config["RATE_LIMITS"][name]


SCHEMA = """
CREATE TABLE IF NOT EXISTS counters (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL,
    expires_at REAL NOT NULL
)
"""


class SQLiteStorage(Storage):
    """Fixed-window counters; each increment is one atomic upsert."""

    STORAGE_SCHEME = ["nexus+sqlite"]

    def __init__(self, uri: str, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.path = uri.split("://", 1)[1]
        self._local = threading.local()

    @property
    def base_exceptions(self):
        return sqlite3.Error

    def _db(self) -> sqlite3.Connection:
        # One connection per thread and per process: connections must not cross a fork.
        conn = getattr(self._local, "conn", None)
        if conn is None or self._local.pid != os.getpid():
            os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=5, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=OFF")  # counters, not records: speed over durability
            conn.execute(SCHEMA)
            self._local.conn, self._local.pid = conn, os.getpid()
        return conn

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = time.time()
        if random.random() < 0.001:  # now and then, forget windows long past
            self._db().execute("DELETE FROM counters WHERE expires_at <= ?", (now,))
        row = (
            self._db()
            .execute(
                """
                INSERT INTO counters (key, value, expires_at) VALUES (?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET
                    value = CASE WHEN expires_at <= ? THEN excluded.value ELSE value + ? END,
                    expires_at = CASE WHEN expires_at <= ? THEN excluded.expires_at
                                      ELSE expires_at END
                RETURNING value
                """,
                (key, amount, now + expiry, now, amount, now),
            )
            .fetchone()
        )
        return row[0]

    def get(self, key: str) -> int:
        row = (
            self._db()
            .execute(
                "SELECT value FROM counters WHERE key = ? AND expires_at > ?", (key, time.time())
            )
            .fetchone()
        )
        return row[0] if row else 0

    def get_expiry(self, key: str) -> float:
        row = self._db().execute("SELECT expires_at FROM counters WHERE key = ?", (key,)).fetchone()
        return row[0] if row else time.time()

    def check(self) -> bool:
        try:
            self._db().execute("SELECT 1")
        except sqlite3.Error:
            return False
        return True

    def reset(self) -> int | None:
        return self._db().execute("DELETE FROM counters").rowcount

    def clear(self, key: str) -> None:
        self._db().execute("DELETE FROM counters WHERE key = ?", (key,))
