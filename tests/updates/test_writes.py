"""Posting, deleting and pinning over HTTP: htmx answers in place, plain forms redirect."""

import re

import pytest
from sqlalchemy import select

from nexus_board.extensions import db
from nexus_board.models import Update

from ..conftest import Auth
from .conftest import item_ids

HTMX = {"HX-Request": "true"}


def stored(app):
    with app.app_context():
        return [(u.author.username, u.body, u.pinned) for u in db.session.scalars(select(Update))]


def test_posting_with_htmx_answers_a_fresh_composer_and_prepends_the_update(app, client_as):
    ada = client_as("ada")
    response = ada.post(
        "/updates", data={"body": "Shipped #drf paging with @gabriel"}, headers=HTMX
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body
    assert body.lstrip().startswith('<form id="composer"')
    assert re.search(r'<textarea[^>]*name="body"[^>]*>\s*</textarea>', body)  # emptied
    assert '<div hx-swap-oob="afterbegin:#feed-items">' in body
    assert 'href="/u/gabriel"' in body and 'href="/updates?tag=drf"' in body
    assert 'id="feed-newest"' in body and 'hx-swap-oob="true"' in body  # news poll moves on
    assert "Your update is posted." in body
    assert stored(app) == [("ada", "Shipped #drf paging with @gabriel", False)]


def test_posting_without_javascript_redirects_to_the_feed(app, client_as):
    ada = client_as("ada")
    response = ada.post("/updates", data={"body": "Plain form post"})
    assert response.status_code == 303 and response.headers["Location"] == "/updates"
    page = ada.get("/updates").get_data(as_text=True)
    assert "Your update is posted." in page and "Plain form post" in page


@pytest.mark.parametrize("headers", [HTMX, {}])
def test_a_refused_update_is_a_422_in_place_that_keeps_the_text(app, client_as, headers):
    ada = client_as("ada")
    text = "Long " + "x" * 1000
    response = ada.post("/updates", data={"body": text}, headers=headers)
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert ("<html" in body) is (not headers)
    assert 'id="body-error"' in body and "Keep it to 1,000 characters" in body
    assert text in body and 'aria-invalid="true"' in body
    assert stored(app) == []


def test_announcements_are_for_admins(app, client_as):
    assert client_as("ada").post(
        "/updates", data={"body": "Listen", "announcement": "y"}
    ).status_code == 403  # fmt: skip
    mentor = client_as("mentor")
    assert 'name="announcement"' in mentor.get("/updates").get_data(as_text=True)
    assert 'name="announcement"' not in client_as("gabriel").get("/updates").get_data(as_text=True)
    assert (
        mentor.post("/updates", data={"body": "Demo day", "announcement": "y"}).status_code == 303
    )
    assert stored(app) == [("mentor", "Demo day", True)]


@pytest.mark.parametrize("action", ["delete", "pin", "unpin"])
def test_writes_on_a_missing_update_are_404(client_as, action):
    assert client_as("mentor").post(f"/updates/404/{action}", headers=HTMX).status_code == 404


def test_a_refused_write_says_why_where_notices_show(app, cast, make_update, client_as):
    update = make_update(cast["mentor"], "Demo day", announcement=True)
    response = client_as("ada").post(f"/updates/{update}/unpin", headers=HTMX)
    assert response.status_code == 403 and response.headers["HX-Retarget"] == "#flash"
    assert "Only admins can pin or unpin announcements." in response.get_data(as_text=True)
    assert stored(app) == [("mentor", "Demo day", True)]


def test_authors_delete_their_own_update_in_place(app, cast, make_update, client_as):
    update = make_update(cast["ada"], "Oops")
    ada = client_as("ada")
    assert f'action="/updates/{update}/delete"' in ada.get("/updates").get_data(as_text=True)
    assert "/delete" not in client_as("gabriel").get("/updates").get_data(as_text=True)
    response = ada.post(f"/updates/{update}/delete", headers=HTMX)
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    # Nothing but the out-of-band notice: the item itself is swapped for nothing.
    assert body.strip().startswith('<div id="flash" hx-swap-oob="innerHTML">')
    assert "The update is deleted." in body and stored(app) == []


def test_admins_delete_any_update(app, cast, make_update, client_as):
    update = make_update(cast["ada"], "Spam")
    response = client_as("mentor").post(f"/updates/{update}/delete")
    assert response.status_code == 303 and stored(app) == []


def test_pinning_answers_the_item_in_place(app, cast, make_update, client_as):
    update = make_update(cast["mentor"], "Demo day", announcement=True)
    mentor = client_as("mentor")
    unpinned = mentor.post(f"/updates/{update}/unpin", headers=HTMX).get_data(as_text=True)
    assert (
        item_ids(unpinned) == [update] and ">Pin<" in unpinned and "Pinned</span>" not in unpinned
    )
    pinned = mentor.post(f"/updates/{update}/pin", headers=HTMX).get_data(as_text=True)
    assert ">Unpin<" in pinned and "Pinned at the top of the feed and the hub." in pinned
    assert stored(app) == [("mentor", "Demo day", True)]


def test_posting_is_rate_limited_per_author_not_per_address(make_app, cast):
    app = make_app(RATELIMIT_ENABLED=True)  # same database as the cast's
    ada, gabriel = app.test_client(), app.test_client()
    Auth(ada).sign_in("ada")
    Auth(gabriel).sign_in("gabriel")
    statuses = [ada.post("/updates", data={"body": f"Post {n}"}).status_code for n in range(31)]
    assert statuses == [303] * 30 + [429]
    assert gabriel.post("/updates", data={"body": "Mine still goes"}).status_code == 303
