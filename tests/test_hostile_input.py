"""Hostile input anywhere gets a clear 4xx, never a 500 and never a broken page for others."""

import base64

import feedparser
import pytest

from nexus_board.auth import services as accounts
from nexus_board.auth.tokens import create_token
from nexus_board.extensions import db

from .conftest import PASSWORD

HUGE = "9" * 25


@pytest.mark.parametrize(
    "path",
    [
        f"/contracts/{HUGE}",
        f"/updates/{HUGE}",
        f"/u/ada/challenges/{HUGE}",
        "/updates?before=WyIyMDIwLTAxLTAxVDAwOjAwOjAwKzAwOjAwIiwgMTAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMF0",
        "/updates?before=WyIyMDIwLTAxLTAxVDAwOjAwOjAwIiw1XQ",
    ],
)
def test_out_of_range_or_broken_ids_are_4xx(client, make_user, path):
    make_user("ada")
    assert client.get(path).status_code in (400, 404)


@pytest.mark.parametrize(
    "path", [f"/contracts/{HUGE}/claim", f"/updates/{HUGE}/delete", f"/updates/{HUGE}/pin"]
)
def test_out_of_range_ids_in_writes_are_404(signed_in, path):
    assert signed_in.post(path).status_code == 404


@pytest.mark.parametrize(
    "path", ["/board?q=a%00b", "/learners?q=a%00b", "/updates?learner=a%00b", "/u/a%00b"]
)
def test_nul_characters_are_refused_with_a_reason(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "NUL character" in response.get_data(as_text=True)


def test_nul_in_a_form_is_refused(client, make_user):
    make_user("ada")
    response = client.post("/sign-in", data={"login": "a\x00b", "password": PASSWORD})
    assert response.status_code == 400


def test_control_characters_never_break_the_atom_feed(signed_in):
    assert signed_in.post("/updates", data={"body": "x \x0b y \x1b z"}).status_code in (200, 303)
    response = signed_in.get("/updates.atom")
    assert response.status_code == 200
    assert not feedparser.parse(response.get_data()).bozo  # well-formed XML
    assert "x  y  z" in response.get_data(as_text=True)


@pytest.mark.parametrize("name", ["Ada\nOkafor", "Ada\x0bOkafor", "\u200b", "   "])
def test_display_names_are_one_visible_line(signed_in, name):
    response = signed_in.post(
        "/settings", data={"display_name": name, "email": "", "track": "backend"}
    )
    assert response.status_code == 422


def test_a_superscript_digit_as_contract_id_is_refused_in_place(signed_in):
    response = signed_in.post("/updates", data={"body": "hi", "contract": "²"})
    assert response.status_code == 422


def test_out_of_range_database_values_are_a_400(app, client):
    @app.get("/test/overflow")
    def overflow():
        raise OverflowError("Python int too large to convert to SQLite INTEGER")

    response = client.get("/test/overflow")
    assert response.status_code == 400
    assert "out of range" in response.get_data(as_text=True)


def _b64(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "path",
    [
        *(f"/api/v1/{name}?limit={digit}" for name in ("contracts", "learners", "updates")
          for digit in ("²", "٣", "1_0", "-1", "0", "101", "9" * 30)),
        "/api/v1/contracts?cursor=" + _b64("[" * 2500),
        "/api/v1/contracts?cursor=" + _b64("[true]"),
        "/api/v1/learners?cursor=" + _b64('[["ada"]]'),
        "/api/v1/updates?cursor=" + _b64('["0001-01-01T00:00:00+23:59", 1]'),
        "/updates?before=" + _b64('["9999-12-31T23:59:59-23:59", 1]'),
        "/updates/news?after=" + _b64('["0001-01-01T00:00:00+23:59", 1]'),
        "/board/columns/open?cursor=" + _b64('["2026-01-01T00:00:00+00:00", true]'),
        "/api/v1/contracts?cursor=" + "A" * 5000,
    ],
)  # fmt: skip
def test_odd_digits_and_made_up_cursors_are_a_400(client, path):
    assert client.get(path).status_code == 400


@pytest.mark.parametrize("value", ["²", "-1", "99999999999", "x", ""])
def test_an_odd_row_number_to_remove_keeps_the_form(signed_in, value):
    form = {"project": "E-commerce API", "method": "GET", "path": "/a", "summary": "A",
            "responses-0-status_code": "200", "remove_response": value}  # fmt: skip
    response = signed_in.post("/contracts/new", data=form)
    assert response.status_code == 200 and 'value="/a"' in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"[" * 2000 + b"]" * 2000, "nested more than 32 levels deep"),
        (b'{"summary": "s\\ud800"}', "lone UTF-16 surrogate"),
        (b'{"summary": "s\\u0000"}', "NUL character"),
    ],
)
def test_deep_or_unstorable_json_in_the_api_is_a_400_with_the_reason(app, client, body, reason):
    with app.app_context():
        owner = accounts.register(
            username="ada", display_name="Ada", password=PASSWORD, track="backend"
        )
        _, secret = create_token(owner, "script")
        db.session.commit()
    response = client.post(
        "/api/v1/contracts", data=body, content_type="application/json",
        headers={"Authorization": f"Bearer {secret}"},
    )  # fmt: skip
    assert response.status_code == 400
    assert reason in response.json["message"]


def test_a_body_past_its_route_limit_is_a_413_before_it_is_read(app, client):
    app.config["BODY_LIMITS"] = {**app.config["BODY_LIMITS"], "mock": 100}
    response = client.post("/mock/nothing/x", data=b"[" + b"1," * 100 + b"1]")
    assert response.status_code == 413


@pytest.mark.parametrize(
    ("reason", "status"),
    [
        ("a\x00b", 400),  # refused at the door
        ("x" * 900_000, 422),  # under the form body limit, far past the reason's
        ("line\r\nbreak", 422),
        ("\x1b[31mred", 422),
        ("\u200b\u2060\ufeff", 422),
        ("\udcff".encode("utf-8", "surrogateescape").decode("latin-1"), 303),  # shown as typed
        ("<img src=x onerror=alert(1)>", 303),
        ("\u202e" * 200, 422),  # nothing visible
        ("\u202e" + "evil" * 49, 303),  # isolated in <bdi> where it shows
    ],
)
def test_hostile_hiding_reasons_are_refused_or_shown_as_text(app, cast, client_as, reason, status):
    from .board.factories import broken

    with app.app_context():
        contract_id = broken(cast["ada"])
    ada = client_as("ada")
    response = ada.post(f"/contracts/{contract_id}/hide", data={"reason": reason})
    assert response.status_code == status
    page = ada.get(f"/contracts/{contract_id}").get_data(as_text=True)
    assert "<img src=x" not in page
    assert ("Hidden by Ada Okafor" in page) == (status == 303)
