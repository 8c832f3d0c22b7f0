"""CSRF: every unsafe request needs the token, as a form field or htmx's header."""

import re


def test_post_without_token_is_refused(client, make_user):
    make_user("ada")
    response = client.post("/sign-in", data={"login": "ada", "password": "x" * 12}, csrf=False)
    assert response.status_code == 400
    assert "The CSRF token is missing." in response.get_data(as_text=True)


def test_post_with_a_forged_token_is_refused(signed_in):
    response = signed_in.post("/sign-out", headers={"X-CSRFToken": "forged"})
    assert response.status_code == 400
    assert signed_in.get("/settings").status_code == 200  # still signed in


def test_form_field_token_from_the_page_is_accepted(client, make_user):
    make_user("ada")
    page = client.get("/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post(
        "/sign-in",
        data={"login": "ada", "password": "correct horse battery staple", "csrf_token": token},
        csrf=False,
    )
    assert response.status_code == 303


def test_htmx_header_token_from_body_is_accepted(signed_in):
    page = signed_in.get("/").get_data(as_text=True)
    token = re.search(r"hx-headers='\{\"X-CSRFToken\": \"([^\"]+)\"\}'", page).group(1)
    response = signed_in.post(
        "/sign-out", headers={"X-CSRFToken": token, "HX-Request": "true"}, csrf=False
    )
    assert response.status_code == 303


def test_htmx_post_without_token_shows_the_error_in_the_message_area(signed_in):
    response = signed_in.post("/sign-out", headers={"HX-Request": "true"}, csrf=False)
    assert response.status_code == 400
    assert response.headers["HX-Retarget"] == "#flash"
    body = response.get_data(as_text=True)
    assert "<html" not in body and "CSRF token is missing" in body


def test_anonymous_pages_carry_no_csrf_token(client):
    page = client.get("/").get_data(as_text=True)
    assert "X-CSRFToken" not in page and "csrf_token" not in page


def test_the_api_with_a_bearer_token_needs_no_csrf_token(app, make_user):
    from .api.test_write import NEW
    from .contracts_as_code import bearer, make_token

    ada = make_user("ada")
    response = app.test_client().post(
        "/api/v1/contracts", json=NEW, headers=bearer(make_token(app, ada)), csrf=False
    )
    assert response.status_code == 201


def test_the_api_with_only_a_session_cookie_is_refused(app, signed_in):
    from .api.test_write import NEW

    response = signed_in.post("/api/v1/contracts", json=NEW)  # the browser's cookie, + CSRF
    assert response.status_code == 401 and "WWW-Authenticate" in response.headers
    assert signed_in.get("/api/v1/me").status_code == 401
    assert "Set-Cookie" not in response.headers


def test_sign_in_rotates_the_csrf_token(client, make_user):
    make_user("ada")
    page = client.get("/sign-in").get_data(as_text=True)
    before = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post("/sign-in", data={"login": "ada", "password": "correct horse battery staple"})
    settings = client.get("/settings").get_data(as_text=True)
    after = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', settings).group(1)
    assert after != before
    stale = client.post("/sign-out", data={"csrf_token": before}, csrf=False)
    assert stale.status_code == 400
