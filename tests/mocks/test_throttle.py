"""The mock's rate limit: counted in the process, synced with the shared counter at most once a
second per client, and still a limit across workers."""

import pytest
from limits.storage import MemoryStorage

from nexus_board.mocks import throttle as throttle_module
from nexus_board.mocks.throttle import Throttle


class CountingStorage(MemoryStorage):
    def __init__(self):
        super().__init__()
        self.writes = 0

    def incr(self, key, expiry, amount=1):
        self.writes += 1
        return super().incr(key, expiry, amount=amount)


@pytest.fixture
def clock(monkeypatch):
    now = [1_000_000.0]
    monkeypatch.setattr(throttle_module.time, "time", lambda: now[0])
    return now


def test_requests_within_a_second_write_the_shared_counter_once(clock):
    storage, worker = CountingStorage(), Throttle("100 per minute")
    assert all(worker.hit("1.2.3.4", storage).allowed for _ in range(50))
    assert storage.writes == 1  # the first request syncs; the next 49 are counted here
    clock[0] += 1.5
    assert worker.hit("1.2.3.4", storage).allowed
    assert storage.writes == 2
    assert storage.get(worker._key("1.2.3.4", worker.counts["1.2.3.4"].window)) == 51


def test_one_worker_never_lets_a_client_past_the_limit(clock):
    storage, worker = CountingStorage(), Throttle("10 per minute")
    verdicts = [worker.hit("1.2.3.4", storage) for _ in range(15)]
    assert [v.allowed for v in verdicts] == [True] * 10 + [False] * 5
    assert verdicts[-1].remaining == 0 and verdicts[-1].retry_after > 0
    assert worker.hit("5.6.7.8", storage).allowed  # another client has its own count


def test_the_limit_holds_across_workers_sharing_the_counter(clock):
    storage = CountingStorage()
    first, second = Throttle("10 per minute"), Throttle("10 per minute")
    assert sum(first.hit("1.2.3.4", storage).allowed for _ in range(10)) == 10
    # The second worker syncs on its first request for this client and sees the 10.
    assert sum(second.hit("1.2.3.4", storage).allowed for _ in range(10)) == 0
    clock[0] += 60  # a new window: both count again
    assert second.hit("1.2.3.4", storage).allowed


def test_past_the_limit_the_mock_answers_429_with_retry_after(make_app, contract):
    app = make_app(RATELIMIT_ENABLED=True, MOCK_RATE_LIMIT="2 per minute")
    client = app.test_client()
    statuses = [client.get("/mock/nothing/x").status_code for _ in range(3)]
    assert statuses == [404, 404, 429]
