"""Personal access tokens: created in settings and shown once, stored hashed, revoked, owned."""

import hashlib
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from nexus_board.extensions import db
from nexus_board.models import ApiToken

from ..contracts_as_code import bearer, make_token

HTMX = {"HX-Request": "true"}


def created_secret(page: str) -> str:
    return re.search(r'id="new-token" class="code" type="text" value="(nxb_[\w-]+)"', page).group(1)


def test_settings_list_no_tokens_at_first(signed_in):
    page = signed_in.get("/settings").get_data(as_text=True)
    assert "API tokens" in page and "You have no API tokens." in page


def test_a_token_is_shown_once_and_stored_only_as_its_hash(app, signed_in):
    response = signed_in.post("/settings/tokens", data={"name": "CI on GitHub"}, headers=HTMX)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<html" not in page and 'id="tokens"' in page
    assert "copy it now." in page
    assert response.headers["Cache-Control"] == "private, no-store"
    secret = created_secret(page)
    assert len(secret) > 40

    with app.app_context():
        token = db.session.scalar(select(ApiToken))
        assert token.name == "CI on GitHub"
        assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
        assert token.hint == secret[:8]
        stored = [str(getattr(token, column.key)) for column in ApiToken.__table__.columns]
        assert not any(secret in value for value in stored)

    later = signed_in.get("/settings").get_data(as_text=True)
    assert secret not in later and "CI on GitHub" in later and f"{secret[:8]}…" in later


def test_without_htmx_the_settings_page_shows_the_new_token(signed_in):
    response = signed_in.post("/settings/tokens", data={"name": "sync script"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<html" in page and "Account settings" in page
    assert created_secret(page).startswith("nxb_")


def test_a_token_needs_a_name(signed_in):
    response = signed_in.post("/settings/tokens", data={"name": "  "}, headers=HTMX)
    assert response.status_code == 422
    assert "Name the token in up to 60 characters" in response.get_data(as_text=True)


def test_a_token_works_as_its_owner_and_records_its_use(app, client, make_user):
    ada = make_user("ada", display_name="Ada Okafor")
    secret = make_token(app, ada)
    response = client.get("/api/v1/me", headers=bearer(secret))
    assert response.status_code == 200
    assert response.json["username"] == "ada" and response.json["track"] == "backend"
    assert "Set-Cookie" not in response.headers
    with app.app_context():
        assert db.session.scalar(select(ApiToken)).last_used_at is not None


@pytest.mark.parametrize(
    ("header", "challenge"),
    [
        (None, 'Bearer realm="Nexus Board"'),
        ("Basic YWRhOnB3", 'Bearer realm="Nexus Board"'),
        ("Bearer nxb_made-up", 'Bearer realm="Nexus Board", error="invalid_token"'),
    ],
)
def test_no_or_a_wrong_token_is_a_401(client, header, challenge):
    response = client.get("/api/v1/me", headers={"Authorization": header} if header else {})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == challenge
    assert response.json["error"] == "Sign in required"


def test_a_revoked_token_stops_working(app, client, auth, make_user):
    ada = make_user("ada")
    secret = make_token(app, ada, "old laptop")
    with app.app_context():
        token_id = db.session.scalar(select(ApiToken.id))
    auth.sign_in("ada")
    response = client.post(f"/settings/tokens/{token_id}/revoke", headers=HTMX)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "You have no API tokens." in page and "Revoked the token “old laptop”." in page
    assert client.get("/api/v1/me", headers=bearer(secret)).status_code == 401


def test_a_plain_revoke_redirects_back_to_settings(app, client, auth, make_user):
    ada = make_user("ada")
    make_token(app, ada)
    with app.app_context():
        token_id = db.session.scalar(select(ApiToken.id))
    auth.sign_in("ada")
    response = client.post(f"/settings/tokens/{token_id}/revoke")
    assert response.status_code == 303 and response.headers["Location"] == "/settings#tokens"


def test_tokens_belong_to_their_owner(app, client, auth, make_user):
    ada, brian = make_user("ada"), make_user("brian")
    secret = make_token(app, ada)
    with app.app_context():
        token_id = db.session.scalar(select(ApiToken.id))
    auth.sign_in("brian")
    assert client.post(f"/settings/tokens/{token_id}/revoke").status_code == 404
    assert "You have no API tokens." in client.get("/settings").get_data(as_text=True)
    assert client.get("/api/v1/me", headers=bearer(secret)).json["username"] == "ada"
    assert brian


def test_cookies_never_authenticate_the_api(signed_in):
    """A signed-in browser's cookies (with or without CSRF) cannot write through the API."""
    body = {
        "project": "Shop",
        "method": "GET",
        "path": "/x",
        "summary": "X",
        "responses": [{"status_code": 200}],
    }
    for csrf in (True, False):
        response = signed_in.post("/api/v1/contracts", json=body, csrf=csrf)
        assert response.status_code == 401
        assert "Set-Cookie" not in response.headers
    assert signed_in.get("/api/v1/me").status_code == 401


def test_at_most_ten_active_tokens(app, signed_in):
    for n in range(10):
        signed_in.post("/settings/tokens", data={"name": f"token {n}"}, headers=HTMX)
    response = signed_in.post("/settings/tokens", data={"name": "one more"}, headers=HTMX)
    assert response.status_code == 422
    assert "You have 10 tokens: revoke one you no longer use." in response.get_data(as_text=True)


def test_a_read_token_reads_and_is_refused_writes(app, make_user):
    from .test_write import NEW

    ada = make_user("ada")
    token = bearer(make_token(app, ada, scope="read"))
    client = app.test_client()
    assert client.get("/api/v1/me", headers=token).json["username"] == "ada"
    refused = client.post("/api/v1/contracts", json=NEW, headers=token)
    assert refused.status_code == 403
    assert 'error="insufficient_scope"' in refused.headers["WWW-Authenticate"]
    writer = bearer(make_token(app, ada, scope="write"))
    assert client.post("/api/v1/contracts", json=NEW, headers=writer).status_code == 201


def test_tokens_are_made_with_a_scope_and_an_expiry(app, signed_in):
    response = signed_in.post(
        "/settings/tokens", data={"name": "CI", "scope": "write", "days": "7"}
    )
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Read and write contracts" in page
    with app.app_context():
        token = db.session.scalar(select(ApiToken))
        assert token.scope.value == "write"
        assert (
            timedelta(days=6, hours=23) < token.expires_at - token.created_at <= timedelta(days=7)
        )
    never = signed_in.post("/settings/tokens", data={"name": "Forever", "days": "0"})
    assert never.status_code == 200 and "Never" in never.get_data(as_text=True)


@pytest.mark.parametrize(("field", "value"), [("scope", "admin"), ("days", "3650"), ("days", "x")])
def test_a_bad_scope_or_expiry_is_refused_in_place(app, signed_in, field, value):
    response = signed_in.post("/settings/tokens", data={"name": "CI", field: value})
    assert response.status_code == 422
    with app.app_context():
        assert db.session.scalar(select(ApiToken)) is None


def test_an_expired_token_stops_working_and_leaves_the_list(app, make_user, client_as):
    from sqlalchemy import update

    from nexus_board.models.types import utcnow

    ada = make_user("ada")
    secret = make_token(app, ada)
    client = app.test_client()
    assert client.get("/api/v1/me", headers=bearer(secret)).status_code == 200
    with app.app_context():
        db.session.execute(update(ApiToken).values(expires_at=utcnow() - timedelta(seconds=1)))
        db.session.commit()
    expired = client.get("/api/v1/me", headers=bearer(secret))
    assert expired.status_code == 401
    assert 'error="invalid_token"' in expired.headers["WWW-Authenticate"]
    assert "You have no API tokens." in client_as("ada").get("/settings").get_data(as_text=True)


def test_last_used_shows_in_settings(app, make_user, client_as):
    ada = make_user("ada")
    secret = make_token(app, ada)
    app.test_client().get("/api/v1/me", headers=bearer(secret))
    page = client_as("ada").get("/settings").get_data(as_text=True)
    row = page[page.index("<td>CI</td>") :].split("</tr>", 1)[0]
    assert "just now" in row.split("</td>")[-3]  # the last-used cell
