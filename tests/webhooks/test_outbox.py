"""The outbox: deliveries are written in the transaction of the change, for the webhooks that
take the event, and reach the queue only once that transaction commits."""

import pytest
from sqlalchemy import func, select

from nexus_board.auth import services as accounts
from nexus_board.board import lifecycle
from nexus_board.extensions import db
from nexus_board.models import Activity, Delivery, Notification, User
from nexus_board.webhooks import queue, services

from ..board.factories import post
from .conftest import BOTH_QUEUES, add_hook, deliveries

URL = "http://127.0.0.1:9/api/webhooks/1/token"  # never called here


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@BOTH_QUEUES
def test_a_request_that_fails_after_the_change_leaves_no_delivery(app, cast):
    add_hook(app, URL)
    with app.app_context():
        contract_id = post(cast["ada"])
        before = (count(Activity), count(Notification), count(Delivery))

    @app.post("/test/claim-then-fail")
    def claim_then_fail():
        lifecycle.claim(contract_id, db.session.get(User, cast["gabriel"]))
        raise RuntimeError("the request fails after the change")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    client = app.test_client()
    client.post("/sign-in", data={"login": "gabriel", "password": "correct horse battery staple"})
    assert client.post("/test/claim-then-fail").status_code == 500
    with app.app_context():
        assert (count(Activity), count(Notification), count(Delivery)) == before
    pending = queue.huey(app).pending_count()
    assert client.post(f"/contracts/{contract_id}/claim").status_code == 303
    assert [row.key for row in deliveries(app)][-1].startswith("nxb-")
    assert queue.huey(app).pending_count() == pending + 1  # handed over once it committed


def test_channels_take_public_events_of_their_kinds_and_their_project(app, cast):
    with app.app_context():
        shop = post(cast["ada"], project="Shop API", path="/shop")
        blog = post(cast["ada"], project="Blog API", path="/blog")
    everything = add_hook(app, URL)
    claims = add_hook(app, URL, kinds=["contract.claimed"])
    shop_hook = add_hook(app, URL, by="ada", project="Shop API")
    with app.app_context():
        for contract_id in (shop, blog):
            lifecycle.claim(contract_id, db.session.get(User, cast["gabriel"]))
        db.session.commit()
        query = select(Activity.id).where(Activity.verb == "contract.claimed")
        shop_claim, blog_claim = db.session.scalars(query.order_by(Activity.id))
    taken = sorted((row.webhook_id, row.activity_id) for row in deliveries(app))
    expected = [
        (hook, claim) for hook in (everything, claims) for claim in (shop_claim, blog_claim)
    ]
    assert taken == sorted([*expected, (shop_hook, shop_claim)])


def test_a_learners_own_webhook_takes_what_its_inbox_hears_of_its_kinds(app, cast, client_as):
    ada = client_as("ada")
    data = {"url": URL, "format": "slack", "hook": ["contract.claimed"], "in_app": []}
    assert ada.post("/settings/notifications", data=data).status_code == 303
    with app.app_context():
        contract_id = post(cast["ada"], state="claimed", claimer_id=cast["gabriel"])
        lifecycle.unclaim(contract_id, db.session.get(User, cast["gabriel"]))
        db.session.commit()
        assert count(Notification) == 0  # nothing in the app: she turned it all off
    (row,) = deliveries(app)
    assert row.reason == "author"
    with app.app_context():
        assert db.session.get(Activity, row.activity_id).verb == "contract.claimed"


def test_a_disabled_learners_own_webhook_hears_nothing_until_they_are_enabled(app, cast, client_as):
    data = {"url": URL, "format": "slack", "hook": ["contract.claimed"], "in_app": []}
    assert client_as("ada").post("/settings/notifications", data=data).status_code == 303
    with app.app_context():
        ada, mentor = (db.session.get(User, cast[name]) for name in ("ada", "mentor"))
        accounts.set_disabled(ada, True, by=mentor, reason="Spam")
        first = post(cast["ada"], path="/first", state="claimed", claimer_id=cast["gabriel"])
        lifecycle.unclaim(first, db.session.get(User, cast["gabriel"]))
        db.session.commit()
        assert deliveries(app) == []
        accounts.set_disabled(db.session.get(User, cast["ada"]), False, by=mentor)
        second = post(cast["ada"], path="/second", state="claimed", claimer_id=cast["gabriel"])
        lifecycle.unclaim(second, db.session.get(User, cast["gabriel"]))
        db.session.commit()
    assert [row.reason for row in deliveries(app)] == ["author"]


def test_nobody_is_sent_their_own_actions(app, cast, client_as):
    data = {"url": URL, "format": "discord", "hook": ["contract.commented"], "in_app": []}
    client_as("ada").post("/settings/notifications", data=data)
    with app.app_context():
        contract_id = post(cast["ada"])
    client_as("ada").post(f"/contracts/{contract_id}/comments", data={"body": "Note to self"})
    assert deliveries(app) == []


@pytest.mark.parametrize("url", [URL.replace("http:", "https:"), "https://evil.example/x"])
def test_a_learner_may_only_point_their_webhook_at_the_allowed_hosts(app, cast, client_as, url):
    data = {"url": url, "format": "discord", "hook": ["mention"], "in_app": ["mention"]}
    response = client_as("hana").post("/settings/notifications", data=data)
    if "evil" in url:
        assert response.status_code == 422 and "must be one of" in response.get_data(as_text=True)
    else:
        assert response.status_code == 303
    with app.app_context():
        assert (services.own_webhook(db.session.get(User, cast["hana"])) is None) == ("evil" in url)
