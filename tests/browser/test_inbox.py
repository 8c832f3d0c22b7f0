"""One learner claims a contract; its author's badge counts it without a reload, and the inbox
entry links to the contract. Real browsers, one per person."""

import re

import pytest
from playwright.sync_api import expect

from nexus_board.extensions import db

from ..board.factories import post
from .conftest import sign_in


@pytest.fixture
def app(make_app):
    return make_app(INBOX_POLL_SECONDS=1)  # the badge polls every second here


def test_a_claim_reaches_the_authors_badge_and_inbox(
    app, page, new_session, cast, assert_accessible
):
    with app.app_context():
        contract_id = post(cast["ada"], path="/api/v1/carts/{id}")
        db.session.commit()
    sign_in(page, "ada", "/board")
    badge = page.locator("#inbox-badge")
    expect(badge).to_have_text("Inbox")

    gabriel = new_session().page
    sign_in(gabriel, "gabriel", f"/contracts/{contract_id}")
    gabriel.get_by_role("button", name="Claim").first.click()
    expect(gabriel.get_by_text("It is yours to integrate.").first).to_be_visible()

    # No reload on ada's side: the badge's own poll brings the count.
    expect(page.get_by_role("link", name="Inbox 1 unread")).to_be_visible(timeout=15_000)
    assert page.url.endswith("/board")
    page.get_by_role("link", name="Inbox 1 unread").click()
    expect(page.get_by_role("heading", name="Inbox")).to_be_visible()
    assert_accessible(page)
    entry = page.locator(".inbox-entry").first
    expect(entry).to_contain_text("Gabriel Nunes claimed")
    expect(entry).to_contain_text("You posted it.")
    entry.get_by_role("button", name="Mark as read").click()
    expect(page.get_by_role("link", name="Inbox", exact=True)).to_be_visible()  # the badge, oob
    entry.get_by_role("link", name="GET /api/v1/carts/{id}").click()
    expect(page).to_have_url(re.compile(rf"/contracts/{contract_id}$"))
    expect(page.get_by_role("heading", name="Activity")).to_be_visible()
    assert_accessible(page)

    page.goto("/settings/notifications")
    expect(page.get_by_role("heading", name="Notifications")).to_be_visible()
    assert_accessible(page)
    page.goto("/activity")
    expect(page.get_by_role("heading", name="Latest activity")).to_be_visible()
    assert_accessible(page)
