"""The base layout: navigation, htmx loaded locally, strict CSP, no inline script or style."""

import re

import pytest


def test_home_page_loads_htmx_and_our_assets_from_static(client):
    page = client.get("/").get_data(as_text=True)
    assert re.search(r'<script src="/static/vendor/htmx\.min\.js\?v=\w+" defer>', page)
    assert re.search(r'href="/static/css/app\.css\?v=\w+"', page)


def test_htmx_from_cdn_carries_an_integrity_hash(app, client):
    app.config["HTMX_CDN"] = True
    page = client.get("/").get_data(as_text=True)
    assert 'src="https://cdn.jsdelivr.net/npm/htmx.org@2.0.' in page
    assert re.search(r'integrity="sha384-[A-Za-z0-9+/=]{64}" crossorigin="anonymous"', page)
    assert "https://cdn.jsdelivr.net" in client.get("/").headers["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/", "/sign-in", "/sign-up", "/learners", "/board", "/updates"])
def test_pages_are_csp_ready(client, path):
    response = client.get(path)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert not re.search(r"<script(?![^>]*\ssrc=)", page), "inline <script>"
    assert " style=" not in page and "<style" not in page
    assert "hx-on" not in page and "js:" not in page


def test_navigation_for_visitors_and_learners(client, auth, make_user):
    page = client.get("/").get_data(as_text=True)
    for label in ("Hub", "Board", "Updates", "Learners", "Sign in", "Sign up"):
        assert f">{label}</a>" in page
    make_user("ada", display_name="Ada Okafor")
    auth.sign_in("ada")
    page = client.get("/board").get_data(as_text=True)
    assert 'href="/u/ada"' in page and "Sign out" in page
    assert '<a href="/board" aria-current="page">Board</a>' in page


def test_flash_messages_show_once(client, auth, make_user):
    make_user("ada", display_name="Ada Okafor")
    auth.sign_in("ada")
    assert "Signed in as Ada Okafor." in client.get("/").get_data(as_text=True)
    assert "Signed in as Ada Okafor." not in client.get("/").get_data(as_text=True)


def test_html_responses_vary_on_hx_request(client):
    assert "HX-Request" in client.get("/").headers["Vary"]


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok"}


def test_healthz_reports_an_unreachable_database(tmp_path):
    from nexus_board import create_app

    from .conftest import config_for

    config = config_for(tmp_path) | {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/missing-dir/nope.sqlite3"
    }
    response = create_app(config).test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["database"] == "unreachable"


def test_every_htmx_button_and_form_disables_its_button_while_it_runs():
    """A request shows it runs (CSS on .htmx-request) and cannot be sent twice meanwhile."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "templates"
    missing = []
    for template in root.rglob("*.html"):
        for tag in re.findall(r"<(?:button|form)\b[^>]*>", template.read_text(), flags=re.S):
            if (
                re.search(r"\shx-(?:get|post|put|patch|delete)=", tag)
                and "hx-disabled-elt" not in tag
            ):
                missing.append(f"{template.relative_to(root)}: {' '.join(tag.split())[:90]}")
    assert missing == []
