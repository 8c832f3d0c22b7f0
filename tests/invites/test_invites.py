"""Invite links: created by admins, limited by expiry and uses, and a cohort behind one
address signs up through one in a sitting."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import select

from nexus_board.errors import Forbidden, Invalid
from nexus_board.extensions import db
from nexus_board.invites import services
from nexus_board.models import Invite, User
from nexus_board.models.types import utcnow

from ..conftest import PASSWORD

COHORT = 30


def newcomer(number: int) -> dict:
    return {"username": f"learner{number}", "display_name": f"Learner {number}",
            "password": PASSWORD, "track": "frontend" if number % 2 else "backend"}  # fmt: skip


@dataclass(frozen=True)
class Link:
    id: int
    token: str


def invite(app, **fields) -> Link:
    """A link made by mentor through the service (Cohort 7, 7 days, 40 uses unless said)."""
    values = {"label": "Cohort 7", "days": "7", "max_uses": "40"} | fields
    with app.app_context():
        mentor = db.session.scalar(select(User).where(User.username == "mentor"))
        made = services.create_invite(mentor, **values)
        db.session.commit()
        return Link(made.id, made.token)


def test_only_admins_create_links_and_bad_values_are_named(app, cast):
    with app.app_context():
        ada = db.session.scalar(select(User).where(User.username == "ada"))
        with pytest.raises(Forbidden):
            services.create_invite(ada, label="x", days="7", max_uses="5")
    for field, value in [("label", ""), ("days", "0"), ("days", "999"), ("max_uses", "²"),
                         ("max_uses", "100000")]:  # fmt: skip
        with pytest.raises(Invalid) as refused:
            invite(app, **{field: value})
        assert field in refused.value.errors


def test_thirty_sign_ups_from_one_address_through_a_link_all_succeed(make_app, cast):
    app = make_app(RATELIMIT_ENABLED=True)
    link = invite(app)
    for number in range(COHORT):
        client = app.test_client()
        response = client.post(f"/sign-up?invite={link.token}", data=newcomer(number))
        assert response.status_code == 303, f"sign-up {number + 1} got {response.status_code}"
    with app.app_context():
        assert db.session.get(Invite, link.id).uses == COHORT
    # None of them counted against the address: its own ten sign-ups an hour are all still there.
    assert app.test_client().post("/sign-up", data=newcomer(99)).status_code == 303


def test_without_a_link_the_eleventh_sign_up_is_refused(make_app):
    app = make_app(RATELIMIT_ENABLED=True)
    statuses = [app.test_client().post("/sign-up", data=newcomer(n)).status_code for n in range(11)]
    assert statuses == [303] * 10 + [429]


def test_a_used_up_link_says_so_and_what_to_do_next(make_app, cast):
    app = make_app(RATELIMIT_ENABLED=True)
    link = invite(app, max_uses="1")
    assert (
        app.test_client().post(f"/sign-up?invite={link.token}", data=newcomer(1)).status_code == 303
    )
    page = app.test_client().get(f"/invite/{link.token}")
    html = page.get_data(as_text=True)
    assert page.status_code == 410 and "used as many times as it allows" in html
    assert "Ask your mentor for a new link" in html
    form = app.test_client().get(f"/sign-up?invite={link.token}").get_data(as_text=True)
    sign_up = form.split('<form method="post"')[1].split(">", 1)[0]  # not the theme toggle's
    assert "used as many times as it allows" in form and "invite=" not in sign_up


def test_an_expired_link_says_so_and_a_valid_one_leads_to_sign_up(app, cast):
    link = invite(app)
    opened = app.test_client().get(f"/invite/{link.token}")
    assert opened.status_code == 303 and f"invite={link.token}" in opened.headers["Location"]
    form = app.test_client().get(opened.headers["Location"]).get_data(as_text=True)
    assert "through the invite link “Cohort 7”" in form
    with app.app_context():
        row = db.session.get(Invite, link.id)
        row.expires_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    expired = app.test_client().get(f"/invite/{link.token}")
    assert expired.status_code == 410 and "has expired" in expired.get_data(as_text=True)
    assert app.test_client().get("/invite/made-up").status_code == 404


def test_the_last_use_is_taken_once(app, cast):
    link = invite(app, max_uses="1")
    with app.app_context():
        row = db.session.get(Invite, link.id)
        services.use(row)
        db.session.commit()
        with pytest.raises(Invalid, match="used as many times"):
            services.use(row)


def test_the_admin_page_lists_links_with_their_uses(app, cast, client_as):
    mentor = client_as("mentor")
    assert "No invite links yet." in mentor.get("/admin/invites").get_data(as_text=True)
    bad = mentor.post("/admin/invites", data={"label": "", "days": "7", "max_uses": "3"})
    assert bad.status_code == 422 and 'id="label-error"' in bad.get_data(as_text=True)
    made = mentor.post("/admin/invites", data={"label": "Room B", "days": "7", "max_uses": "3"})
    assert made.status_code == 303
    page = mentor.get("/admin/invites").get_data(as_text=True)
    assert "Room B" in page and "0 of 3" in page and "/invite/" in page
    assert client_as("ada").get("/admin/invites").status_code == 403
