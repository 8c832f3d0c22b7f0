"""Hostile input anywhere gets a clear 4xx, never a 500 and never a broken page for others."""

import feedparser
import pytest

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
