"""Open redirects: every `next` and every redirect target built from a request stays on the
site, whatever it is sent."""

from urllib.parse import urljoin, urlsplit

import pytest

from .conftest import PASSWORD

BASE = "http://localhost/"
CORPUS = [
    "//evil.example",
    "///evil.example",
    "////evil.example/x",
    "https://evil.example",
    "http:evil.example",
    "https:/evil.example",
    "//evil.example@localhost",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    " //evil.example",
    "\x00//evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/%2F%2Fevil.example",
    "%2F%2Fevil.example",
    "/%5Cevil.example",
    "/.//evil.example",
    "/..//evil.example",
    "https://localhost.evil.example/",
    "http://localhost:80@evil.example/",
    "//ＥＶＩＬ.example",  # full width
    "/\u3000/evil.example",
    "\u2028//evil.example",
]


def assert_stays_here(location: str) -> None:
    """Where a browser goes with this Location, from a page of this site."""
    assert location, "no Location"
    assert "\\" not in location and not any(ord(c) < 33 for c in location), repr(location)
    target = urlsplit(urljoin(BASE, location))
    assert (target.scheme, target.hostname) == ("http", "localhost"), location


@pytest.mark.parametrize("target", CORPUS)
def test_sign_in_next(client, make_user, target):
    make_user("ada")
    form = {"login": "ada", "password": PASSWORD, "next": target}
    response = client.post("/sign-in", data=form)
    assert response.status_code in (303, 400)  # a NUL is refused at the door
    if response.status_code == 303:
        assert_stays_here(response.headers["Location"])


@pytest.mark.parametrize("target", CORPUS)
def test_sign_up_next(client, target):
    form = {"username": "newcomer", "display_name": "New Comer", "password": PASSWORD,
            "track": "frontend"}  # fmt: skip
    response = client.post("/sign-up", query_string={"next": target}, data=form)
    assert response.status_code in (303, 400)
    if response.status_code == 303:
        assert_stays_here(response.headers["Location"])


@pytest.mark.parametrize("target", CORPUS)
def test_confirm_next(signed_in, target):
    response = signed_in.post("/sign-in/confirm", data={"password": PASSWORD, "next": target})
    assert response.status_code in (303, 400)
    if response.status_code == 303:
        assert_stays_here(response.headers["Location"])


@pytest.mark.parametrize("target", CORPUS)
def test_the_sign_in_detour_keeps_only_a_path(client, target):
    """A signed-out visitor is sent to sign in with `next` built from the request: a page's
    Referer or htmx's HX-Current-URL, which a script can forge."""
    if "\x00" in target or "\n" in target or "\u2028" in target:
        pytest.skip("not a header value")
    for headers in ({"Referer": target}, {"HX-Current-URL": target, "HX-Request": "true"}):
        response = client.post("/updates", data={"body": "hi"}, headers=headers)
        location = response.headers.get("Location") or response.headers["HX-Redirect"]
        assert_stays_here(location)
        nxt = urlsplit(location).query.removeprefix("next=")
        follow = client.post("/sign-in", data={"login": "x", "password": "y", "next": nxt})
        assert follow.status_code == 422  # the form, not a redirect


@pytest.mark.parametrize("target", ["//evil.example", "https://evil.example/x"])
def test_board_buttons_go_back_to_the_board_only(app, cast, client_as, target):
    from .board.factories import post

    with app.app_context():
        contract_id = post(cast["ada"])
    form = {"view": target, "project": target, "q": target}
    response = client_as("gabriel").post(f"/contracts/{contract_id}/claim", data=form)
    assert response.status_code == 303
    assert_stays_here(response.headers["Location"])
