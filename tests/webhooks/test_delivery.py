"""Sending one delivery (no worker, no network: the POST is a stand-in): what each answer does
to the row, backoff with jitter, 429's wait, and the messages in Discord's and Slack's shapes."""

import json

import httpx
import pytest

from nexus_board.board import lifecycle
from nexus_board.extensions import db
from nexus_board.models import Delivery, DeliveryState, User
from nexus_board.webhooks import delivery, messages
from nexus_board.webhooks.delivery import backoff, judge, retry_after

from ..board.factories import post
from .conftest import FAST, add_hook, deliveries

URL = "http://127.0.0.1:9/api/webhooks/1/token"


class Post:
    """Answers in turn; remembers every request."""

    def __init__(self, *answers):
        self.answers, self.sent = list(answers), []

    def __call__(self, url, body, headers, extensions):
        self.sent.append({"url": url, "body": body, "headers": headers})
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def response(status, body=None, headers=None) -> httpx.Response:
    content = json.dumps(body).encode() if body is not None else b""
    return httpx.Response(status, content=content, headers=headers or {})


@pytest.fixture
def key(app, cast):
    add_hook(app, URL, kinds=["contract.claimed"])
    with app.app_context():
        post(cast["ada"], state="claimed", claimer_id=cast["gabriel"])
    (row,) = deliveries(app)
    return row.key


def attempt(app, key, post_):
    with app.app_context():
        outcome = delivery.deliver(key, post=post_)
    (row,) = [r for r in deliveries(app) if r.key == key]
    return outcome, row


def due_now(app, key):
    with app.app_context():
        row = db.session.scalar(db.select(Delivery).where(Delivery.key == key))
        row.next_attempt_at = row.created_at
        db.session.commit()


def test_a_2xx_marks_it_sent_with_its_key(app, key):
    sent = Post(response(204))
    outcome, row = attempt(app, key, sent)
    assert outcome.sent and row.state is DeliveryState.SENT and row.attempts == 1
    assert row.lease is None and row.sent_at is not None
    assert sent.sent[0]["headers"]["Idempotency-Key"] == key
    assert sent.sent[0]["url"] == URL and sent.sent[0]["headers"]["Host"] == "127.0.0.1:9"
    assert attempt(app, key, Post())[0] is None  # sent: nothing claims it again


def test_a_5xx_or_no_answer_is_tried_again_later(app, key):
    app.config["WEBHOOK_DELIVERY"] = FAST | {"backoff": 60.0}
    outcome, row = attempt(app, key, Post(response(502, {"message": "bad gateway"})))
    assert row.state is DeliveryState.PENDING and row.attempts == 1 and "502" in row.last_error
    assert row.next_attempt_at > row.created_at
    assert attempt(app, key, Post())[0] is None  # not due yet
    due_now(app, key)
    _, row = attempt(app, key, Post(httpx.ConnectError("refused")))
    assert row.state is DeliveryState.PENDING and "ConnectError" in row.last_error


def test_429_waits_as_long_as_asked(app, key):
    _, row = attempt(app, key, Post(response(429, {"retry_after": 1.5, "global": False})))
    waited = (row.next_attempt_at - row.created_at).total_seconds()
    assert row.state is DeliveryState.PENDING and 1.5 <= waited < 2.0


def test_a_4xx_other_than_429_is_not_retried(app, key):
    _, row = attempt(app, key, Post(response(404, {"message": "Unknown Webhook"})))
    assert row.state is DeliveryState.FAILED and "Unknown Webhook" in row.last_error


def test_a_redirect_is_not_followed(app, key):
    _, row = attempt(app, key, Post(response(301, headers={"Location": "http://10.0.0.1/"})))
    assert row.state is DeliveryState.FAILED and "redirects are not followed" in row.last_error


def test_after_the_last_try_it_is_failed(app, key):
    for _ in range(FAST["attempts"]):
        due_now(app, key)
        _, row = attempt(app, key, Post(response(500)))
    assert row.state is DeliveryState.FAILED and row.attempts == FAST["attempts"]


def test_a_claimed_delivery_is_not_sent_twice_while_its_lease_holds(app, key):
    with app.app_context():
        assert delivery._claim(key) is not None
        assert delivery._claim(key) is None  # another worker finds it taken


def test_a_loopback_url_is_refused_at_send_time_without_the_test_setting(app, key):
    app.config["WEBHOOK_ALLOW_LOOPBACK"] = False
    _, row = attempt(app, key, Post())
    assert row.state is DeliveryState.FAILED and "not a public address" in row.last_error


@pytest.mark.parametrize(
    ("answer", "seconds"),
    [
        (response(429, {"retry_after": 0.25}), 0.25),
        (response(429, headers={"Retry-After": "3"}), 3.0),
        (response(429, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}), 0.0),
        (response(429), None),
    ],
)
def test_retry_after_reads_discord_and_the_header(answer, seconds):
    assert retry_after(answer) == seconds
    assert judge(answer).retry_after == seconds and not judge(answer).final


def test_backoff_doubles_with_jitter_up_to_the_cap():
    settings = {"backoff": 10.0, "backoff_cap": 60.0}
    assert [backoff(n, settings, rand=lambda: 0.0) for n in (1, 2, 3, 4, 5)] == [5, 10, 20, 30, 30]
    assert [backoff(n, settings, rand=lambda: 1.0) for n in (1, 2, 3, 4)] == [10, 20, 40, 60]


def test_messages_read_on_their_own_in_both_formats(app, cast):
    with app.app_context():
        contract_id = post(cast["ada"], path="/api/v1/orders/{id}")
        gabriel = db.session.get(User, cast["gabriel"])
        gabriel.display_name = "@everyone <!channel> *Gab*"
        lifecycle.claim(contract_id, gabriel)
        db.session.commit()
    add_hook(app, URL)
    with app.app_context():
        lifecycle.unclaim(contract_id, db.session.get(User, cast["gabriel"]))
        db.session.commit()
        row = db.session.scalar(db.select(Delivery))
        message = messages.message_for(row)
        discord = messages.discord(message)
        slack = messages.slack(message)
    assert "gave back" in discord["content"] and "/api/v1/orders/{id}" in message.headline
    assert message.url == f"http://127.0.0.1:5000/contracts/{contract_id}"
    assert discord["allowed_mentions"] == {"parse": []}  # no ping from a display name
    embed = discord["embeds"][0]
    assert embed["url"] == message.url and "E-commerce API" in embed["footer"]["text"]
    assert "\\*Gab\\*" in discord["content"]
    assert "&lt;!channel&gt;" in slack["text"] and "<!channel>" not in json.dumps(slack)
    assert slack["blocks"][0]["text"]["text"].startswith(f"*<{message.url}|")
