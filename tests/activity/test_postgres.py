"""The activity log, inboxes and the outbox on PostgreSQL: one INSERT … SELECT for everyone,
the claim's conditional UPDATE and the sweep."""

import httpx
import pytest
from sqlalchemy import func, select

from nexus_board.auth import services as accounts
from nexus_board.board import lifecycle
from nexus_board.extensions import db
from nexus_board.models import Delivery, DeliveryState, Notification, User
from nexus_board.updates.services import post_update
from nexus_board.webhooks import delivery, services

from ..board.factories import post
from ..conftest import PASSWORD
from ..webhooks.conftest import LOOPBACK

pytestmark = pytest.mark.services


def test_events_inboxes_and_deliveries_on_postgresql(make_app, postgres_database):
    app = make_app(SQLALCHEMY_DATABASE_URI=postgres_database, **LOOPBACK)
    with app.app_context():
        people = {
            name: accounts.register(
                username=name, display_name=name.title(), password=PASSWORD, track=track, role=role
            )  # fmt: skip
            for name, track, role in [
                ("ada", "backend", "learner"),
                ("gabriel", "frontend", "learner"),
                ("mentor", "backend", "admin"),
            ]  # fmt: skip
        }
        db.session.commit()
        services.add_webhook(people["mentor"], name="#all", url="http://127.0.0.1:9/hook",
                             format="slack", kinds=services.CHANNEL_KINDS)  # fmt: skip
        db.session.commit()
        contract_id = post(people["ada"].id)
        lifecycle.claim(contract_id, db.session.get(User, people["gabriel"].id))
        post_update(db.session.get(User, people["mentor"].id), "Demo day", announcement=True)
        db.session.commit()
        per_person = select(Notification.user_id, func.count()).group_by(Notification.user_id)
        heard = dict(db.session.execute(per_person).all())
        assert heard == {people["ada"].id: 2, people["gabriel"].id: 1}
        keys = list(db.session.scalars(select(Delivery.key).order_by(Delivery.id)))
        assert len(keys) == 3
        assert delivery.sweep() == 3
        sent = delivery.deliver(keys[0], post=lambda *a: httpx.Response(204))
        assert sent.sent and delivery.deliver(keys[0], post=lambda *a: httpx.Response(204)) is None
        states = db.session.scalars(select(Delivery.state).order_by(Delivery.id)).all()
        assert states == [DeliveryState.SENT, DeliveryState.PENDING, DeliveryState.PENDING]
    client = app.test_client()
    client.post("/sign-in", data={"login": "ada", "password": PASSWORD})
    assert client.get("/inbox").status_code == 200
    assert "claimed" in client.get("/activity?project=e-commerce-api&kind=contract.claimed").text
    assert client.post("/inbox/read").status_code == 303
