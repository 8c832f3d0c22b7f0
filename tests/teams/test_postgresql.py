"""Questions, reviews, teams and invite links on PostgreSQL, migrated as in production."""

import pytest
from flask_migrate import upgrade
from sqlalchemy import select

from nexus_board import create_app
from nexus_board.auth import services as accounts
from nexus_board.extensions import db
from nexus_board.models import Invite, Reply, Update

from ..board.factories import post
from ..conftest import CAST, PASSWORD, Auth, Client, config_for
from ..reviews.factories import FIELDS

pytestmark = pytest.mark.services
HTMX = {"HX-Request": "true"}


def test_collaboration_end_to_end_on_postgresql(tmp_path, postgres_database):
    app = create_app(config_for(tmp_path) | {"SQLALCHEMY_DATABASE_URI": postgres_database})
    app.test_client_class = Client
    with app.app_context():
        upgrade()
        ids = {
            name: accounts.register(username=name, display_name=display, password=PASSWORD,
                                    track=track, role=role).id
            for name, (display, track, role) in CAST.items()
        }  # fmt: skip
        db.session.commit()
        post(ids["ada"], state="claimed", claimer_id=ids["gabriel"])

    def as_(name):
        client = app.test_client()
        Auth(client).sign_in(name)
        return client

    hana, ada, brian = as_("hana"), as_("ada"), as_("brian")
    hana.post("/updates", data={"body": "Cursor or offset?", "question": "y"})
    with app.app_context():
        update_id = db.session.scalar(select(Update.id))
    ada.post(f"/updates/{update_id}/replies", data={"body": "Cursor."})
    with app.app_context():
        reply_id = db.session.scalar(select(Reply.id))
    assert "Cursor or offset?" in app.test_client().get("/updates?show=unanswered").get_data(
        as_text=True
    )
    hana.post(f"/replies/{reply_id}/accept")
    assert "Cursor or offset?" not in app.test_client().get("/updates?show=unanswered").get_data(
        as_text=True
    )
    assert "Accepted answers</dt><dd>1</dd>" in app.test_client().get("/u/ada").get_data(
        as_text=True
    )

    review_url = ada.post("/reviews/new", data=FIELDS).headers["Location"]
    assert brian.post(f"{review_url}/claim", headers=HTMX).status_code == 200
    assert "Review my pagination" in brian.get("/reviews?reviewing=1&tag=django").get_data(
        as_text=True
    )

    hana.post("/projects/e-commerce-api/join")
    ada.post(f"/projects/e-commerce-api/members/{ids['hana']}/accept")
    ada.post("/projects/e-commerce-api/details", data={"looking_for": "backend"})
    page = app.test_client().get("/projects/e-commerce-api").get_data(as_text=True)
    assert "Hana Tesfaye" in page and "Looking for a backend partner" in page
    saved = ada.post("/projects/e-commerce-api/agreement", data={"agreement": "Channel: #shop",
                                                                 "version": "0"})  # fmt: skip
    assert saved.status_code == 303

    mentor = as_("mentor")
    mentor.post("/admin/invites", data={"label": "Room B", "days": "1", "max_uses": "1"})
    with app.app_context():
        token = db.session.scalar(select(Invite.token))
    newcomer = {"username": "newcomer", "display_name": "New", "password": PASSWORD,
                "track": "frontend"}  # fmt: skip
    assert app.test_client().post(f"/sign-up?invite={token}", data=newcomer).status_code == 303
    assert app.test_client().get(f"/invite/{token}").status_code == 410
    with app.app_context():  # close every connection before the database is dropped
        db.session.remove()
        db.engine.dispose()
