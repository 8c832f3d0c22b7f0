"""Setting up webhooks in the app: who may, what is refused (next to the field), test
messages, removing, and the admins' failed deliveries with their retry button."""

import pytest
from sqlalchemy import func, select

from nexus_board.extensions import db
from nexus_board.models import Delivery, DeliveryState, Webhook

from ..board.factories import post
from .conftest import add_hook, deliveries

DISCORD = "https://discord.com/api/webhooks/123/secretTOKEN"
FORM = {"name": "#shop-api", "url": DISCORD, "format": "discord",
        "kinds": ["contract.claimed", "contract.edited"]}  # fmt: skip


def hooks(app) -> list[Webhook]:
    with app.app_context():
        rows = db.session.scalars(select(Webhook).order_by(Webhook.id)).all()
        db.session.expunge_all()
        return rows


@pytest.fixture
def shop(app, cast) -> str:
    with app.app_context():
        post(cast["ada"], state="claimed", claimer_id=cast["gabriel"])
    return "/projects/e-commerce-api/webhooks"


def test_a_projects_contributors_set_up_its_webhooks(app, cast, client_as, shop):
    ada = client_as("ada")
    assert "Its Discord and Slack webhooks" in ada.get("/projects/e-commerce-api/api").text
    response = ada.post(shop, data=FORM)
    assert response.status_code == 303 and response.headers["Location"] == shop
    page = ada.get(shop).get_data(as_text=True)
    assert "Added the webhook “#shop-api”" in page
    assert "https://discord.com/api/webhooks/…OKEN" in page and "secretTOKEN" not in page
    (hook,) = hooks(app)
    assert sorted(hook.kinds) == ["contract.claimed", "contract.edited"] and hook.project_id
    assert client_as("gabriel").get(shop).status_code == 200  # the claimer contributes too
    for outsider in ("brian", "hana"):
        assert client_as(outsider).get(shop).status_code == 403
        assert "Its Discord" not in client_as(outsider).get("/projects/e-commerce-api/api").text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("url", "https://example.org/hook", "the host must be one of"),
        ("url", "http://discord.com/api/webhooks/1/a", "only sent over HTTPS"),
        ("name", "", "Name it"),
        ("name", "x" * 61, "Keep the name to 60 characters."),
        ("format", "teams", "Not a valid choice"),
    ],
)
def test_a_refused_webhook_says_why_next_to_the_field_and_keeps_the_input(
    app, cast, client_as, shop, field, value, message
):
    response = client_as("ada").post(shop, data=FORM | {field: value})
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and message in html
    assert 'value="#shop-api"' in html or field == "name"
    assert hooks(app) == []


def test_no_kinds_chosen_is_refused(app, cast, client_as, shop):
    response = client_as("ada").post(shop, data=FORM | {"kinds": []})
    assert response.status_code == 422 and "Choose at least one kind" in response.text


def test_admins_set_up_the_cohorts_webhooks_pointing_anywhere_public(app, cast, client_as):
    mentor = client_as("mentor")
    data = FORM | {"url": "https://chat.example.org/hooks/abc", "format": "slack"}
    assert mentor.post("/admin/webhooks", data=data).status_code == 303
    assert "chat.example.org" in mentor.get("/admin/webhooks").get_data(as_text=True)
    assert client_as("ada").get("/admin/webhooks").status_code == 403


def test_a_test_message_is_queued_for_the_worker_not_sent_from_here(app, cast, client_as, shop):
    ada = client_as("ada")
    ada.post(shop, data=FORM)
    (hook,) = hooks(app)
    response = ada.post(f"/webhooks/{hook.id}/test", follow_redirects=True)
    assert "A test message is on its way" in response.get_data(as_text=True)
    (row,) = [r for r in deliveries(app) if r.activity_id is None]
    assert row.state is DeliveryState.PENDING and row.key.startswith("nxb-test-")


def test_removing_a_webhook_drops_what_it_had_not_sent(app, cast, client_as, shop):
    ada = client_as("ada")
    ada.post(shop, data=FORM)
    (hook,) = hooks(app)
    ada.post(f"/webhooks/{hook.id}/test")
    assert client_as("brian").post(f"/webhooks/{hook.id}/delete").status_code == 403
    assert ada.post(f"/webhooks/{hook.id}/delete").status_code == 303
    assert hooks(app) == [] and deliveries(app) == []


def test_a_learners_own_webhook_is_theirs_alone(app, cast, client_as):
    ada = client_as("ada")
    data = {"url": DISCORD, "format": "discord", "hook": ["mention"], "in_app": ["mention"]}
    assert ada.post("/settings/notifications", data=data).status_code == 303
    page = ada.get("/settings/notifications").get_data(as_text=True)
    assert "…OKEN" in page and "secretTOKEN" not in page and "Send a test message" in page
    (hook,) = hooks(app)
    assert client_as("brian").post(f"/webhooks/{hook.id}/test").status_code == 404
    assert client_as("mentor").post(f"/webhooks/{hook.id}/delete").status_code == 404
    assert ada.post("/settings/notifications", data=data | {"url": ""}).status_code == 303
    assert hooks(app)[0].url == DISCORD  # an empty URL keeps the one saved


def test_admins_see_failures_with_the_error_and_retry_them(app, cast, client_as):
    add_hook(app, "http://127.0.0.1:9/api/webhooks/1/token", kinds=["contract.posted"])
    with app.app_context():
        post(cast["ada"])
        row = db.session.scalar(select(Delivery))
        row.state, row.attempts = DeliveryState.FAILED, 6
        row.last_error = "The webhook answered 404: Unknown Webhook"
        db.session.commit()
        row_id = row.id
    mentor = client_as("mentor")
    page = mentor.get("/admin/deliveries").get_data(as_text=True)
    assert "Unknown Webhook" in page and "Ada Okafor posted GET /api/v1/products/{id}" in page
    assert mentor.post(f"/admin/deliveries/{row_id}/retry").status_code == 303
    (retried,) = deliveries(app)
    assert retried.state is DeliveryState.PENDING and retried.attempts == 0
    again = mentor.post(f"/admin/deliveries/{row_id}/retry", follow_redirects=True)
    assert "not failed any more" in again.get_data(as_text=True)
    assert client_as("ada").get("/admin/deliveries").status_code == 403


def test_a_project_has_at_most_ten_webhooks(app, cast, client_as, shop):
    ada = client_as("ada")
    for n in range(10):
        assert ada.post(shop, data=FORM | {"name": f"#{n}"}).status_code == 303
    refused = ada.post(shop, data=FORM)
    assert refused.status_code == 422 and "remove one first" in refused.text
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Webhook)) == 10
