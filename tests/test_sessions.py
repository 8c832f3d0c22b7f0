"""Sessions that end when they should: device rows, replayed cookies, remember-me rotation,
signing out one device or everywhere, a fresh sign-in for sensitive changes."""

import re
from datetime import timedelta

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select, update

from nexus_board.auth import devices
from nexus_board.extensions import db
from nexus_board.models import Device, User
from nexus_board.models.types import utcnow

from .conftest import PASSWORD

CHROME = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0"}


def cookie(client: FlaskClient, name: str) -> str | None:
    found = client.get_cookie(name)
    return found.value if found else None


def sign_in(client, login="ada", remember=False, headers=None):
    data = {"login": login, "password": PASSWORD} | ({"remember": "y"} if remember else {})
    response = client.post("/sign-in", data=data, headers=headers or {})
    assert response.status_code == 303, response.get_data(as_text=True)
    return response


def rows(app) -> list[Device]:
    with app.app_context():
        return list(db.session.scalars(select(Device).order_by(Device.id)))


def replay(app, session_cookie=None, remember_cookie=None) -> FlaskClient:
    """A new browser holding copies of someone's cookies."""
    thief = app.test_client()
    if session_cookie:
        thief.set_cookie("session", session_cookie)
    if remember_cookie:
        thief.set_cookie("remember_token", remember_cookie)
    return thief


def signed_in_as(client) -> bool:
    return client.get("/settings").status_code == 200


@pytest.fixture
def ada(make_user):
    return make_user("ada", display_name="Ada Okafor", email="ada@example.com")


def test_sign_in_records_a_device_the_cookie_names(app, client, ada):
    sign_in(client, headers=CHROME)
    [device] = rows(app)
    assert device.user_id == ada and "Chrome/130.0" in device.user_agent
    assert device.address == "127.0.0.1" and device.remember_until is None
    with client.session_transaction() as sess:
        key = sess["_user_id"]
    assert key.startswith(f"{device.id}.") and str(ada) != key
    assert device.secret_hash != key.split(".", 1)[1]  # only a digest is stored


def test_a_replayed_session_cookie_is_signed_out_after_sign_out(app, client, ada):
    sign_in(client)
    stolen = cookie(client, "session")
    assert signed_in_as(replay(app, stolen))
    client.post("/sign-out")
    assert rows(app) == []
    assert not signed_in_as(replay(app, stolen))
    assert not signed_in_as(client)


def test_a_replayed_remember_token_is_signed_out_after_sign_out(app, client, ada):
    sign_in(client, remember=True)
    stolen = cookie(client, "remember_token")
    response = client.post("/sign-out")
    assert "remember_token=;" in " ".join(response.headers.getlist("Set-Cookie"))
    assert cookie(client, "remember_token") is None  # sign-out clears the remember cookie
    assert not signed_in_as(replay(app, remember_cookie=stolen))


def test_sign_in_changes_the_session_and_the_csrf_token(app, client, ada):
    client.get("/sign-in")
    before_token = client.csrf_token()
    before = cookie(client, "session")
    sign_in(client)
    assert cookie(client, "session") != before
    with client.session_transaction() as sess:
        assert sess.get("csrf_token") is None  # a new one is made for the signed-in session
    page = client.get("/settings").get_data(as_text=True)
    assert before_token not in page
    assert not signed_in_as(replay(app, before))  # the cookie from before signing in: nobody


def test_cookies_are_http_only_and_same_site_lax(client, ada):
    response = sign_in(client, remember=True)
    cookies = response.headers.getlist("Set-Cookie")
    for name in ("session", "remember_token"):
        [line] = [c for c in cookies if c.startswith(f"{name}=")]
        assert "HttpOnly" in line and "SameSite=Lax" in line


def test_cookies_are_secure_in_production(make_app, ada):
    app = make_app(SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True)
    app.config["PREFERRED_URL_SCHEME"] = "https"
    client = app.test_client()
    response = client.post(
        "https://localhost/sign-in",
        data={"login": "ada", "password": PASSWORD, "remember": "y"},
    )
    assert all("Secure" in c for c in response.headers.getlist("Set-Cookie"))


def test_remember_me_restores_a_session_and_replaces_the_token_each_time(app, client, ada):
    sign_in(client, remember=True)
    [device] = rows(app)
    first = cookie(client, "remember_token")
    client.delete_cookie("session")  # the browser was closed
    assert signed_in_as(client)
    second = cookie(client, "remember_token")
    assert second and second != first
    [same] = rows(app)
    assert same.id == device.id and same.remember_until == device.remember_until
    client.delete_cookie("session")
    assert signed_in_as(client) and cookie(client, "remember_token") not in (first, second)


def test_a_replaced_remember_token_works_a_moment_then_signs_the_device_out(app, client, ada):
    sign_in(client, remember=True)
    old = cookie(client, "remember_token")
    client.delete_cookie("session")
    assert signed_in_as(client)  # replaced
    assert signed_in_as(replay(app, remember_cookie=old))  # a second tab restoring at once
    with app.app_context():
        db.session.execute(update(Device).values(remember_rotated_at=utcnow() - timedelta(hours=1)))
        db.session.commit()
    assert not signed_in_as(replay(app, remember_cookie=old))  # copied: the device ends
    assert rows(app) == []
    assert not signed_in_as(client)


def test_a_guessed_remember_token_ends_nothing(app, client, ada):
    sign_in(client, remember=True)
    [device] = rows(app)
    assert not signed_in_as(replay(app, remember_cookie=f"{device.id}.guessed"))
    assert not signed_in_as(replay(app, remember_cookie="99999999999999999999.x"))
    assert len(rows(app)) == 1 and signed_in_as(client)


def test_remember_tokens_expire_on_the_server(app, client, ada):
    sign_in(client, remember=True)
    with app.app_context():
        db.session.execute(update(Device).values(remember_until=utcnow() - timedelta(seconds=1)))
        db.session.commit()
    client.delete_cookie("session")
    response = client.get("/settings")
    assert response.status_code == 302
    assert "remember_token=;" in " ".join(response.headers.getlist("Set-Cookie"))


def test_an_idle_session_expires(app, client, ada):
    sign_in(client)
    idle = app.config["SESSION_IDLE_TIMEOUT"] + timedelta(minutes=1)
    with app.app_context():
        db.session.execute(update(Device).values(last_seen_at=utcnow() - idle))
        db.session.commit()
    assert not signed_in_as(client)


def test_last_seen_is_written_at_most_every_few_minutes(app, client, ada, count_queries):
    sign_in(client)
    client.get("/settings")
    with count_queries() as statements:
        client.get("/board")
    assert not any(s.lstrip().upper().startswith("UPDATE") for s in statements)
    long_ago = utcnow() - devices.SEEN_PRECISION - timedelta(seconds=1)
    with app.app_context():
        db.session.execute(update(Device).values(last_seen_at=long_ago))
        db.session.commit()
    client.get("/board")
    [device] = rows(app)
    assert device.last_seen_at > long_ago


def test_settings_lists_devices_and_signs_one_out(app, ada):
    laptop, phone = app.test_client(), app.test_client()
    sign_in(laptop, headers=CHROME)
    sign_in(phone, headers={"User-Agent": "Firefox on a phone"})
    page = laptop.get("/settings").get_data(as_text=True)
    assert "Your devices" in page and "Chrome/130.0" in page and "Firefox on a phone" in page
    assert page.count("This device") == 1
    phone_row = next(d for d in rows(app) if "Firefox" in d.user_agent)
    response = laptop.post(
        f"/settings/devices/{phone_row.id}/sign-out", headers={"HX-Request": "true"}
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body and 'id="devices"' in body
    assert "Firefox on a phone" not in body
    assert not signed_in_as(phone) and signed_in_as(laptop)


def test_nobody_signs_out_another_learners_device(app, ada, make_user):
    make_user("brian")
    theirs, mine = app.test_client(), app.test_client()
    sign_in(theirs)
    sign_in(mine, "brian")
    ada_device = rows(app)[0]
    assert mine.post(f"/settings/devices/{ada_device.id}/sign-out").status_code == 404
    assert signed_in_as(theirs)


def test_sign_out_everywhere_ends_every_session_and_remember_token(app, ada):
    here, there = app.test_client(), app.test_client()
    sign_in(here)
    sign_in(there, remember=True)
    remembered = cookie(there, "remember_token")
    response = here.post("/settings/sign-out-everywhere")
    assert response.status_code == 303 and response.headers["Location"].startswith("/sign-in")
    assert not signed_in_as(here) and not signed_in_as(there)
    assert not signed_in_as(replay(app, remember_cookie=remembered))
    with app.app_context():
        assert db.session.get(User, ada).session_version == 2


def test_an_old_session_version_is_refused_on_every_request(app, client, ada):
    sign_in(client)
    with app.app_context():
        db.session.execute(update(User).values(session_version=User.session_version + 1))
        db.session.commit()
    assert not signed_in_as(client)


def test_sign_out_asks_the_browser_to_forget_the_site(client, ada):
    sign_in(client)
    response = client.post("/sign-out")
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'


def stale(app):
    with app.app_context():
        old = utcnow() - app.config["FRESH_SIGN_IN"] - timedelta(minutes=1)
        db.session.execute(update(Device).values(signed_in_at=old))
        db.session.commit()


SENSITIVE = [
    ("/settings/password", {"current_password": PASSWORD, "new_password": "a new long password"}),
    ("/settings/tokens", {"name": "CI"}),
    ("/settings/delete", {"confirm": "ada"}),
]


@pytest.mark.parametrize(("url", "data"), SENSITIVE)
def test_sensitive_changes_need_a_fresh_sign_in(app, client, ada, url, data):
    sign_in(client)
    stale(app)
    response = client.post(url, data=data, headers={"Referer": "http://localhost/settings"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/sign-in/confirm?next=/settings"
    htmx = client.post(url, data=data, headers={"HX-Request": "true"})
    assert htmx.status_code == 401 and htmx.headers["HX-Redirect"].startswith("/sign-in/confirm")
    with app.app_context():
        user = db.session.get(User, ada)
        assert user.is_active and user.session_version == 1
    confirm = client.post("/sign-in/confirm?next=/settings", data={"password": PASSWORD})
    assert confirm.status_code == 303 and confirm.headers["Location"] == "/settings"
    assert client.post(url, data=data).status_code in (200, 303)


def test_changing_the_email_needs_a_fresh_sign_in_but_the_name_does_not(app, client, ada):
    sign_in(client)
    stale(app)
    details = {"display_name": "Ada O.", "track": "backend"}
    page = client.post("/settings", data=details | {"email": "new@example.com"})
    assert page.status_code == 422 and "Confirm your password first" in page.get_data(as_text=True)
    assert "Confirm your password" in client.get("/settings").get_data(as_text=True)
    assert client.post("/settings", data=details | {"email": "ada@example.com"}).status_code == 303
    with app.app_context():
        user = db.session.get(User, ada)
        assert (user.display_name, user.email) == ("Ada O.", "ada@example.com")


def test_confirming_with_a_wrong_password_is_refused(app, client, ada):
    sign_in(client)
    stale(app)
    response = client.post("/sign-in/confirm", data={"password": "not my password!"})
    assert response.status_code == 422
    assert "That is not your password." in response.get_data(as_text=True)
    assert client.post("/settings/tokens", data={"name": "CI"}).status_code == 302


def test_a_password_change_revokes_tokens_unless_kept(app, client, ada):
    from .contracts_as_code import bearer, make_token

    sign_in(client)
    first = make_token(app, ada)
    new = {"current_password": PASSWORD, "new_password": "a brand new password"}
    assert client.post("/settings/password", data=new).status_code == 303
    assert client.get("/api/v1/me", headers=bearer(first)).status_code == 401
    kept = make_token(app, ada)
    again = {"current_password": new["new_password"], "new_password": PASSWORD, "keep_tokens": "y"}
    assert client.post("/settings/password", data=again).status_code == 303
    assert client.get("/api/v1/me", headers=bearer(kept)).status_code == 200


def test_the_settings_page_offers_to_keep_tokens_unticked(client, ada):
    sign_in(client)
    page = client.get("/settings").get_data(as_text=True)
    box = re.search(r'<input[^>]*name="keep_tokens"[^>]*>', page).group(0)
    assert "checked" not in box
