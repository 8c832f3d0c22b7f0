"""The worker against a real HTTP server on 127.0.0.1 standing in for Discord: failures, 429s
and a killed worker lose nothing, on huey's SQLite storage and on Redis."""

import time
from collections import Counter

import pytest

from nexus_board.board import lifecycle
from nexus_board.extensions import db
from nexus_board.models import DeliveryState, User

from ..board.factories import post
from .conftest import BOTH_QUEUES, add_hook, deliveries, wait_until_settled
from .fake_discord import FakeDiscord

pytestmark = [pytest.mark.services, BOTH_QUEUES]


def claims(app, cast, count: int) -> None:
    """gabriel claims `count` of ada's contracts, one commit each (one event each)."""
    with app.app_context():
        gabriel = db.session.get(User, cast["gabriel"])
        for n in range(count):
            contract_id = post(cast["ada"], path=f"/api/v1/things{n}/{{id}}")
            lifecycle.claim(contract_id, gabriel)
            db.session.commit()


def test_every_event_arrives_once_through_500s_and_429s(app, cast, worker):
    script = [
        (500, {"message": "oops"}, {}),
        (500, {"message": "oops"}, {}),
        (429, {"message": "You are being rate limited.", "retry_after": 0.3, "global": False}, {}),
        (429, None, {"Retry-After": "1"}),
    ]
    with FakeDiscord(script) as discord:
        add_hook(app, discord.url, kinds=["contract.claimed"])
        worker.start()
        claims(app, cast, 5)
        keys = [row.key for row in deliveries(app)]
        assert len(keys) == 5
        discord.wait_for(keys)
        rows = wait_until_settled(app)
    assert discord.accepted == Counter(dict.fromkeys(keys, 1))  # all of them, none twice
    assert [r["status"] for r in discord.requests[:4]] == [500, 500, 429, 429]
    assert all(row.state is DeliveryState.SENT for row in rows)
    retried = [row for row in rows if row.attempts > 1]
    assert sum(row.attempts - 1 for row in retried) == 4  # one more try per refusal
    body = discord.requests[-1]["body"]
    assert "claimed" in body["content"] and body["allowed_mentions"] == {"parse": []}
    assert body["embeds"][0]["url"].startswith("http://127.0.0.1:5000/contracts/")


def test_a_worker_killed_mid_batch_and_started_again_loses_nothing(app, cast, worker):
    with FakeDiscord(delay=0.3) as discord:  # each message takes a while to be accepted
        add_hook(app, discord.url, kinds=["contract.claimed"])
        claims(app, cast, 12)
        keys = [row.key for row in deliveries(app)]
        worker.start()
        deadline = time.monotonic() + 30
        while len(discord.accepted) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        worker.kill()  # mid-batch: some sent, some claimed and in flight, the rest queued
        left = [row.key for row in deliveries(app) if row.state is not DeliveryState.SENT]
        assert left, "the worker finished before it was killed"
        worker.start()  # its leases run out (2 s); its sweep hands those rows over again
        discord.wait_for(keys)
        rows = wait_until_settled(app)
    assert set(discord.accepted) == set(keys)
    assert all(row.state is DeliveryState.SENT for row in rows)
    repeats = [key for key, times in discord.accepted.items() if times > 1]
    # Only a message accepted just before the kill, not yet marked sent, comes again: at most
    # one per worker thread, and with the same key, so the channel can tell.
    assert len(repeats) <= 2


def test_a_refused_message_fails_once_and_an_admins_retry_delivers_it(app, cast, client_as,
                                                                      worker):  # fmt: skip
    with FakeDiscord([(404, {"message": "Unknown Webhook", "code": 10015}, {})]) as discord:
        add_hook(app, discord.url, kinds=["contract.claimed"])
        worker.start()
        claims(app, cast, 1)
        (row,) = wait_until_settled(app)
        assert row.state is DeliveryState.FAILED and row.attempts == 1  # a 404 is not retried
        mentor = client_as("mentor")
        assert "Unknown Webhook" in mentor.get("/admin/deliveries").get_data(as_text=True)
        assert mentor.post(f"/admin/deliveries/{row.id}/retry").status_code == 303
        discord.wait_for([row.key])  # the worker, not the web process, sent it
        (row,) = wait_until_settled(app)
    assert row.state is DeliveryState.SENT
    assert [r["status"] for r in discord.requests] == [404, 204]


def test_a_test_message_reaches_the_channel_through_the_worker(app, cast, client_as, worker):
    with FakeDiscord() as discord:
        hook = add_hook(app, discord.url, kinds=["contract.claimed"])
        assert client_as("mentor").post(f"/webhooks/{hook}/test").status_code == 303
        (row,) = deliveries(app)
        assert discord.requests == []  # queued, not sent from the web process
        worker.start()
        discord.wait_for([row.key])
    assert "test message" in discord.requests[0]["body"]["content"].lower()
