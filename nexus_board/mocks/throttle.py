"""The mock's rate limit: counted in the process, added to the shared counter about once a second.

Flask-Limiter writes its storage on every request; the mock must cost close to nothing, so each
worker counts each client's requests in a fixed window itself, and at most once a second per
client (or as soon as a client has used its whole limit here) adds what it counted to the
shared counter (the limiter's storage: Redis, or the SQLite file every worker shares) and
reads back the total. A client past the limit in the shared total is refused by every worker
that has synced since; so across W workers a client gets at most the limit plus what W workers
let through in one second before they sync, and never more than the limit from one worker.
"""

import threading
import time
from dataclasses import dataclass

from flask import current_app
from limits import parse

SYNC_EVERY = 1.0  # seconds between two syncs of one client's count with the shared counter
MAX_CLIENTS = 10_000  # clients counted per process per window; past it, all sync and restart


@dataclass
class Count:
    window: int
    pending: int = 0  # requests counted here and not yet added to the shared counter
    shared: int = 0  # the shared total at the last sync
    synced_at: float = 0.0


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    limit: int
    remaining: int
    retry_after: int


class Throttle:
    def __init__(self, limit: str):
        item = parse(limit)
        self.amount, self.seconds = item.amount, item.get_expiry()
        self.counts: dict[str, Count] = {}
        self.lock = threading.Lock()

    def hit(self, client: str, storage) -> Verdict:
        now = time.time()
        window = int(now // self.seconds)
        with self.lock:
            count = self.counts.get(client)
            if count is None or count.window != window:
                if len(self.counts) >= MAX_CLIENTS:
                    self._flush(storage)
                count = self.counts[client] = Count(window)
            counted = count.shared + count.pending < self.amount
            if counted:
                count.pending += 1
            full = count.shared + count.pending >= self.amount
            due = counted and (full or now - count.synced_at >= SYNC_EVERY)
        if due:
            self._sync(client, count, storage, now)
        used = count.shared + count.pending
        retry = int(self.seconds - now % self.seconds) + 1
        return Verdict(counted and used <= self.amount, self.amount, max(self.amount - used, 0),
                       retry)  # fmt: skip

    def _sync(self, client: str, count: Count, storage, now: float) -> None:
        with self.lock:
            pending, count.pending, count.synced_at = count.pending, 0, now
        try:
            total = storage.incr(self._key(client, count.window), self.seconds, amount=pending)
        except Exception:  # a broken counter store must not take the mock down
            total = count.shared + pending
        with self.lock:
            count.shared = max(count.shared, total)

    def _flush(self, storage) -> None:
        for client, count in list(self.counts.items()):
            if count.pending:
                self._sync(client, count, storage, time.time())
        self.counts.clear()

    def _key(self, client: str, window: int) -> str:
        return f"nexus/mock/{self.amount}/{self.seconds}/{window}/{client}"


def throttle() -> Throttle:
    """This app's throttle for MOCK_RATE_LIMIT (made once per app)."""
    found = current_app.extensions.get("nexus_board.mock_throttle")
    if found is None:
        found = current_app.extensions["nexus_board.mock_throttle"] = Throttle(
            current_app.config["MOCK_RATE_LIMIT"]
        )
    return found
