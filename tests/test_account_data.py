"""Export my data, delete my account, and admins disabling accounts."""

import io
import json
import zipfile

from sqlalchemy import func, select

from nexus_board.extensions import db
from nexus_board.models import (
    AccountState,
    ApiToken,
    Comment,
    Contract,
    ContractStatus,
    Device,
    Notification,
    Profile,
    Update,
    User,
    Webhook,
)
from nexus_board.profiles import services as profiles
from nexus_board.webhooks.services import set_own_webhook

from .board.factories import post
from .conftest import PASSWORD
from .contracts_as_code import bearer, make_token


def count(app, model, *where) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_export_gives_the_readme_and_a_json_of_updates_comments_and_contracts(
    app, cast, client_as, make_update
):
    with app.app_context():
        profiles.update_details(db.session.get(User, cast["ada"]), headline="Django APIs")
        db.session.commit()
        contract_id = post(cast["ada"], summary="Products")
    make_update(cast["ada"], "Shipped #drf")
    ada = client_as("ada")
    ada.post(f"/contracts/{contract_id}/comments", data={"body": "Ready for review"})
    response = ada.get("/settings/export")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert 'filename="nexus-board-ada.zip"' in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "private, no-store"
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    assert sorted(archive.namelist()) == ["README.md", "nexus-board.json"]
    assert "Django APIs" in archive.read("README.md").decode()
    data = json.loads(archive.read("nexus-board.json"))
    assert data["account"]["username"] == "ada"
    assert [u["body"] for u in data["updates"]] == ["Shipped #drf"]
    assert [c["body"] for c in data["comments"]] == ["Ready for review"]
    assert [(c["summary"], c["relation"]) for c in data["contracts"]] == [("Products", "author")]


def test_export_needs_a_sign_in(client):
    assert client.get("/settings/export").status_code == 302


def test_the_delete_page_shows_the_consequences_first(app, cast, client_as, make_update):
    with app.app_context():
        post(cast["mentor"], summary="Mine")
        held = post(cast["brian"], state="claimed", claimer_id=cast["mentor"], path="/held/{id}")
    make_update(cast["mentor"], "Hello")
    page = client_as("mentor").get("/settings/delete").get_data(as_text=True)
    assert "Your 1 update" in page and "The 1 contract you posted" in page
    assert "a former learner" in page and f"/contracts/{held}" in page
    assert "Claims released" in page


def test_deleting_an_account(app, cast, client_as, make_update):
    with app.app_context():
        mine = post(cast["mentor"], summary="Products")
        held = post(
            cast["brian"], state="in_progress", claimer_id=cast["mentor"], path="/held/{id}"
        )
        mentor_user = db.session.get(User, cast["mentor"])
        profiles.update_details(mentor_user, headline="Hi")
        set_own_webhook(mentor_user, url="https://discord.com/api/webhooks/1/x", format="discord",
                        kinds=["mention"])  # fmt: skip
        db.session.commit()
    make_update(cast["mentor"], "Hello")
    make_update(cast["brian"], "Thanks @mentor")
    assert count(app, Notification, Notification.user_id == cast["mentor"]) == 1
    mentor = client_as("mentor")
    mentor.post(f"/contracts/{mine}/comments", data={"body": "A note"})
    secret = make_token(app, cast["mentor"])

    wrong = mentor.post("/settings/delete", data={"confirm": "brian"})
    assert wrong.status_code == 422 and "Type your username, mentor" in wrong.get_data(as_text=True)
    assert count(app, Update, Update.author_id == cast["mentor"]) == 1

    response = mentor.post("/settings/delete", data={"confirm": "mentor"})
    assert response.status_code == 303
    home = mentor.get("/").get_data(as_text=True)
    assert "Your account is deleted. 1 claimed contracts are open again." in home
    with app.app_context():
        user = db.session.get(User, cast["mentor"])
        assert user.state is AccountState.DELETED and user.display_name == "a former learner"
        assert user.email is None and user.username == f"former.{user.id}"
        released = db.session.get(Contract, held)
        assert (released.status, released.claimer_id) == (ContractStatus.OPEN, None)
        assert db.session.get(Contract, mine).author_id == user.id  # the contract stays
    assert count(app, Update, Update.author_id == cast["mentor"]) == 0
    assert count(app, Profile, Profile.user_id == cast["mentor"]) == 0
    assert count(app, ApiToken) == count(app, Device, Device.user_id == cast["mentor"]) == 0
    assert count(app, Comment) == 1  # comments stay, as a former learner's
    assert count(app, Notification, Notification.user_id == cast["mentor"]) == 0
    assert count(app, Webhook) == 0
    told = (Notification.user_id == cast["brian"], Notification.kind == "contract.unclaimed")
    assert count(app, Notification, *told) == 1  # brian hears his contract is open again

    visitor = app.test_client()
    assert visitor.get("/u/mentor").status_code == 404
    contract_page = visitor.get(f"/contracts/{mine}").get_data(as_text=True)
    assert "a former learner" in contract_page and "Grace Mentor" not in contract_page
    assert "Grace Mentor" not in visitor.get("/learners").get_data(as_text=True)
    assert "Grace Mentor" not in visitor.get("/").get_data(as_text=True)
    assert visitor.get("/api/v1/learners/mentor").status_code == 404
    assert visitor.get("/api/v1/me", headers=bearer(secret)).status_code == 401
    for login in ("mentor", "mentor@example.com", f"former.{cast['mentor']}"):
        refused = visitor.post("/sign-in", data={"login": login, "password": PASSWORD})
        assert refused.status_code == 422


def test_a_deleted_accounts_username_stays_reserved(app, cast, client_as):
    client_as("mentor").post("/settings/delete", data={"confirm": "mentor"})
    data = {"username": "mentor", "display_name": "Grace Okoye", "password": PASSWORD,
            "track": "backend"}  # fmt: skip
    taken = app.test_client().post("/sign-up", data=data)
    assert taken.status_code == 422 and "looks too much like" in taken.get_data(as_text=True)
    fresh = app.test_client().post("/sign-up", data=data | {"username": "grace"})
    assert fresh.status_code == 303


def disable(admin, username, reason="Spam in comments"):
    return admin.post(f"/admin/accounts/{username}/disable", data={"reason": reason})


def test_an_admin_disables_an_account_and_everything_stops_at_once(app, cast, client_as):
    ada = client_as("ada")
    secret = make_token(app, cast["ada"])
    mentor = client_as("mentor")
    page = mentor.get("/admin/accounts/ada").get_data(as_text=True)
    assert "The account is active." in page
    assert disable(mentor, "ada", reason="").status_code == 422
    response = disable(mentor, "ada")
    assert response.status_code == 303
    assert ada.get("/settings").status_code == 302  # the open session ends
    assert app.test_client().get("/api/v1/me", headers=bearer(secret)).status_code == 401
    again = app.test_client().post("/sign-in", data={"login": "ada", "password": PASSWORD})
    assert again.status_code == 422
    assert "An admin disabled this account: Spam in comments" in again.get_data(as_text=True)

    assert mentor.post("/admin/accounts/ada/enable").status_code == 303
    assert ada.get("/settings").status_code == 302  # old sessions do not come back
    assert app.test_client().get("/api/v1/me", headers=bearer(secret)).status_code == 200
    assert client_as("ada").get("/settings").status_code == 200


def test_only_admins_disable_and_not_themselves(cast, client_as):
    assert disable(client_as("brian"), "ada").status_code == 403
    assert client_as("brian").get("/admin/accounts/ada").status_code == 403
    assert disable(client_as("mentor"), "mentor").status_code == 403
    assert disable(client_as("mentor"), "nobody").status_code == 404
