"""The theme toggle: light, dark or the device's, kept per account or in a browser cookie."""

import re

from nexus_board.extensions import db
from nexus_board.models import Theme, User

HTMX = {"HX-Request": "true"}


def html_theme(page: str) -> str | None:
    found = re.search(r'<html lang="en"(?: data-theme="(\w+)")?>', page)
    assert found, "no <html> tag"
    return found[1]


def test_a_page_follows_the_device_until_a_theme_is_picked(client):
    page = client.get("/").get_data(as_text=True)
    assert html_theme(page) is None and '<meta name="color-scheme" content="light dark">' in page
    assert 'aria-pressed="false"' in page


def test_a_visitor_picks_a_theme_and_the_browser_keeps_it(client):
    response = client.post("/theme", data={"theme": "dark", "next": "/board"})
    assert response.status_code == 303 and response.headers["Location"] == "/board"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("theme=dark;") and "Max-Age=31536000" in cookie
    assert "SameSite=Lax" in cookie
    page = client.get("/board").get_data(as_text=True)
    assert html_theme(page) == "dark" and 'aria-pressed="true"' in page


def test_the_toggles_script_gets_a_204_and_system_forgets_the_cookie(client):
    response = client.post("/theme", data={"theme": "light"}, headers=HTMX)
    assert response.status_code == 204 and "theme=light" in response.headers["Set-Cookie"]
    forgot = client.post("/theme", data={"theme": "system"}, headers=HTMX)
    assert "theme=;" in forgot.headers["Set-Cookie"]
    assert html_theme(client.get("/").get_data(as_text=True)) is None


def test_a_signed_in_learner_keeps_the_theme_on_every_device(app, client, client_as, cast):
    ada = client_as("ada")
    assert ada.post("/theme", data={"theme": "dark"}, headers=HTMX).status_code == 204
    with app.app_context():
        assert db.session.get(User, cast["ada"]).theme is Theme.DARK
    laptop = client_as("ada")  # another browser, no cookie
    assert html_theme(laptop.get("/board").get_data(as_text=True)) == "dark"
    client.set_cookie("theme", "dark")  # someone else's browser said dark; gabriel's account not
    client.post("/sign-in", data={"login": "gabriel", "password": "correct horse battery staple"})
    assert html_theme(client.get("/board").get_data(as_text=True)) is None


def test_a_visitors_cached_pages_are_kept_once_per_theme(client, cast):
    assert html_theme(client.get("/").get_data(as_text=True)) is None
    client.set_cookie("theme", "dark")
    assert html_theme(client.get("/").get_data(as_text=True)) == "dark"
    client.set_cookie("theme", "pink")  # not a theme: ignored
    assert html_theme(client.get("/").get_data(as_text=True)) is None


def test_the_theme_page_works_without_javascript(client):
    page = client.get("/theme?next=/learners").get_data(as_text=True)
    assert "Match my device" in page and 'href="/learners">Back</a>' in page
    assert re.search(r'<input checked[^>]*value="system"', page), "the device's setting is chosen"
    assert 'href="//evil.example">' not in client.get("/theme?next=//evil.example").get_data(
        as_text=True
    )


def test_a_wrong_choice_is_refused_next_to_the_field(client):
    response = client.post("/theme", data={"theme": "pink"})
    assert response.status_code == 422 and "Not a valid choice" in response.get_data(as_text=True)
