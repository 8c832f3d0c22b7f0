"""Accounts: sign up, sign in and out, remember me, settings, passwords, redirects."""

import pytest
from sqlalchemy import select

from nexus_board.extensions import db
from nexus_board.models import Role, Track, User

from .conftest import PASSWORD


def sign_up(client, **fields):
    data = {
        "username": "ada",
        "display_name": "Ada Okafor",
        "email": "",
        "password": PASSWORD,
        "track": "backend",
        **fields,
    }
    return client.post("/sign-up", data=data)


def users(app):
    with app.app_context():
        return db.session.scalars(select(User)).all()


def test_sign_up_creates_account_and_signs_in(client, app):
    response = sign_up(client, username="Ada_1", email="Ada@Example.com")
    assert response.status_code == 303
    assert response.headers["Location"] == "/"
    [user] = users(app)
    assert (user.username, user.email, user.track, user.role) == (
        "ada_1",
        "ada@example.com",
        Track.BACKEND,
        Role.LEARNER,
    )
    assert user.password_hash != PASSWORD
    page = client.get("/").get_data(as_text=True)
    assert "Ada Okafor" in page and "Sign out" in page


@pytest.mark.parametrize("taken", ["ada", "ADA", "Ada"])
def test_sign_up_refuses_a_taken_username_in_any_case(client, app, make_user, taken):
    make_user("ada")
    response = sign_up(client, username=taken)
    assert response.status_code == 422
    assert "That username is taken." in response.get_data(as_text=True)
    assert len(users(app)) == 1


def test_sign_up_refuses_a_short_password_and_keeps_the_input(client, app):
    response = sign_up(client, password="short", display_name="Ada Okafor")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Use at least 12 characters" in page
    assert 'value="Ada Okafor"' in page  # nothing typed is lost
    assert 'aria-invalid="true"' in page
    assert users(app) == []


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"username": "ab"}, "Use 3–32 characters"),
        ({"username": "has space"}, "Use 3–32 characters"),
        ({"username": "x" * 33}, "Field cannot be longer than 32 characters."),
        ({"track": "designer"}, "Not a valid choice"),
        ({"email": "not-an-email"}, "Enter an email address"),
        ({"display_name": ""}, "This field is required."),
    ],
)
def test_sign_up_explains_each_bad_field(client, app, fields, message):
    response = sign_up(client, **fields)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert users(app) == []


def test_sign_up_refuses_an_email_in_use(client, app, make_user):
    make_user("brian", email="shared@example.com")
    response = sign_up(client, email="SHARED@example.com")
    assert response.status_code == 422
    assert "Another account uses that email." in response.get_data(as_text=True)


@pytest.mark.parametrize("login", ["ada", "ADA", "ada@example.com", "Ada@Example.com"])
def test_sign_in_by_username_or_email(client, auth, make_user, login):
    make_user("ada", email="ada@example.com", display_name="Ada Okafor")
    response = auth.sign_in(login)
    assert response.status_code == 303
    assert "Ada Okafor" in client.get("/").get_data(as_text=True)


def test_wrong_password_and_unknown_user_get_the_same_message(client, auth, make_user):
    make_user("ada")
    wrong_password = auth.attempt("ada", "not the password at all")
    unknown_user = auth.attempt("nobody", PASSWORD)
    assert wrong_password.status_code == unknown_user.status_code == 422
    message = "That username or email and password do not match an account."
    assert message in wrong_password.get_data(as_text=True)
    assert message in unknown_user.get_data(as_text=True)
    assert "Sign out" not in client.get("/").get_data(as_text=True)


def test_sign_out_is_post_only_and_signs_out(client, auth, make_user):
    make_user("ada")
    auth.sign_in("ada")
    assert client.get("/sign-out").status_code == 405
    response = auth.sign_out()
    assert response.status_code == 303
    assert "Sign in" in client.get("/").get_data(as_text=True)
    assert client.get("/settings").status_code == 302


def test_remember_me_keeps_the_user_signed_in_without_a_session(app, make_user):
    make_user("ada", display_name="Ada Okafor")
    client = app.test_client()
    response = client.post("/sign-in", data={"login": "ada", "password": PASSWORD, "remember": "y"})
    assert "remember_token=" in " ".join(response.headers.getlist("Set-Cookie"))
    client.delete_cookie("session")  # the browser was closed: only the remember cookie is left
    assert "Ada Okafor" in client.get("/").get_data(as_text=True)


def test_without_remember_me_no_remember_cookie_is_set(client, auth, make_user):
    make_user("ada")
    response = auth.sign_in("ada")
    assert "remember_token=" not in " ".join(response.headers.getlist("Set-Cookie"))


def test_settings_change_display_name_and_track(signed_in, app):
    response = signed_in.post(
        "/settings", data={"display_name": "New Name", "email": "", "track": "frontend"}
    )
    assert response.status_code == 303
    [user] = users(app)
    assert (user.display_name, user.track) == ("New Name", Track.FRONTEND)


def test_settings_with_bad_input_saves_nothing(signed_in, app):
    response = signed_in.post(
        "/settings", data={"display_name": "New Name", "email": "bad", "track": "frontend"}
    )
    assert response.status_code == 422
    assert "Enter an email address" in response.get_data(as_text=True)
    [user] = users(app)
    assert (user.display_name, user.track) == ("Learner", Track.BACKEND)


def test_password_change_asks_for_the_current_password(signed_in, app):
    response = signed_in.post(
        "/settings/password",
        data={"current_password": "wrong password!!", "new_password": "a brand new password"},
    )
    assert response.status_code == 422
    assert "That is not your current password." in response.get_data(as_text=True)


def test_password_change_works_and_signs_out_other_sessions(app, make_user):
    make_user("ada")
    here, elsewhere = app.test_client(), app.test_client()
    for client in (here, elsewhere):
        client.post("/sign-in", data={"login": "ada", "password": PASSWORD})
    response = here.post(
        "/settings/password",
        data={"current_password": PASSWORD, "new_password": "a brand new password"},
    )
    assert response.status_code == 303
    assert here.get("/settings").status_code == 200  # this browser stays signed in
    assert elsewhere.get("/settings").status_code == 302  # the other one is signed out
    fresh = app.test_client()
    assert fresh.post("/sign-in", data={"login": "ada", "password": PASSWORD}).status_code == 422
    ok = fresh.post("/sign-in", data={"login": "ada", "password": "a brand new password"})
    assert ok.status_code == 303


def test_new_password_must_be_long_enough(signed_in):
    response = signed_in.post(
        "/settings/password", data={"current_password": PASSWORD, "new_password": "tiny"}
    )
    assert response.status_code == 422
    assert "Use at least 12 characters" in response.get_data(as_text=True)


def test_protected_page_redirects_to_sign_in_and_back(client, make_user):
    response = client.get("/settings")
    assert response.status_code == 302
    assert response.headers["Location"] == "/sign-in?next=/settings"
    make_user("ada")
    response = client.post(
        "/sign-in", data={"login": "ada", "password": PASSWORD, "next": "/settings"}
    )
    assert response.headers["Location"] == "/settings"


def test_htmx_request_when_signed_out_redirects_the_whole_window(client):
    response = client.get(
        "/settings", headers={"HX-Request": "true", "HX-Current-URL": "http://localhost/board?x=1"}
    )
    assert response.status_code == 401
    assert response.headers["HX-Redirect"] == "/sign-in?next=/board?x%3D1"


@pytest.mark.parametrize(
    "target",
    [
        "//evil.com",
        "////evil.com",
        "/\\evil.com",
        "/\\/evil.com",
        "https://evil.com",
        "http:evil.com",
        "javascript:alert(1)",
        "/\t/evil.com",
        " //evil.com",
        "",
    ],
)
def test_next_never_leaves_the_site(client, make_user, target):
    make_user("ada")
    response = client.post("/sign-in", data={"login": "ada", "password": PASSWORD, "next": target})
    assert response.status_code == 303
    assert response.headers["Location"] == "/"


def test_next_keeps_a_local_path_with_its_query(client, make_user):
    make_user("ada")
    response = client.post(
        "/sign-in", data={"login": "ada", "password": PASSWORD, "next": "/board?tag=auth"}
    )
    assert response.headers["Location"] == "/board?tag=auth"


def test_signed_in_user_visiting_sign_up_goes_to_the_hub(signed_in):
    assert signed_in.get("/sign-up").status_code == 302


def test_create_admin_command(runner, app):
    result = runner.invoke(
        args=["nexus", "create-admin", "boss", "--password", PASSWORD, "--email", "b@example.com"]
    )
    assert result.exit_code == 0, result.output
    [user] = users(app)
    assert (user.username, user.role) == ("boss", Role.ADMIN)


def test_create_admin_refuses_a_weak_password(runner, app):
    result = runner.invoke(args=["nexus", "create-admin", "boss", "--password", "short"])
    assert result.exit_code != 0
    assert "Use at least 12 characters" in result.output
    assert users(app) == []


def test_demo_command_seeds_a_cohort_once(runner, app):
    first = runner.invoke(args=["nexus", "demo"])
    assert first.exit_code == 0, first.output
    cohort = users(app)
    assert len(cohort) >= 12
    assert {u.track for u in cohort} == {Track.BACKEND, Track.FRONTEND}
    assert any(u.role is Role.ADMIN for u in cohort)
    second = runner.invoke(args=["nexus", "demo"])
    assert "nothing changed" in second.output
    assert len(users(app)) == len(cohort)


def test_sign_up_and_settings_refresh_the_cached_public_pages(app, make_user):
    visitor = app.test_client()
    assert "Zed Newcomer" not in visitor.get("/").get_data(as_text=True)  # now cached
    newcomer = app.test_client()
    sign_up(newcomer, username="zed", display_name="Zed Newcomer")
    assert "Zed Newcomer" in visitor.get("/").get_data(as_text=True)
    newcomer.post("/settings", data={"display_name": "Zed Renamed", "track": "frontend"})
    assert "Zed Renamed" in visitor.get("/").get_data(as_text=True)


@pytest.mark.parametrize("path", ["/sign-in", "/sign-up"])
def test_htmx_requests_to_account_forms_get_the_form_fragment(client, path):
    response = client.get(path, headers={"HX-Request": "true"})
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<html" not in body and "<form" in body
    response = client.post(path, data={}, headers={"HX-Request": "true"})
    assert response.status_code == 422
    assert "This field is required." in response.get_data(as_text=True)
