"""Contracts as code in a real browser: a frontend on another origin calls the mocks, Swagger UI
"Try it out" gets a mock's example, and our own pages (import, tokens) are accessible."""

import functools
import re
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from ..contracts_as_code import order_contract
from ..services import local_http
from .conftest import sign_in

FRONTEND = Path(__file__).with_name("frontend")
SAMPLE = Path(__file__).parent.parent / "openapi" / "samples" / "drf_spectacular.yaml"


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def frontend_origin():
    """A second local server, on another port: the frontend learner's dev server."""
    handler = functools.partial(Quiet, directory=str(FRONTEND))
    with local_http(handler) as url:
        yield url


@pytest.fixture
def shop(app, make_user):
    """E-commerce API: GET /api/v1/products/{id} and POST /api/v1/orders, by ada."""
    from ..board.factories import post

    ada = make_user("ada", display_name="Ada Okafor")
    with app.app_context():
        post(ada)
    order_contract(app, ada)
    return ada


def assert_our_markup_accessible(page):
    """axe on the page without Swagger UI's own widgets, whose markup is not ours to fix."""
    results = Axe().run(page, context={"exclude": [["#swagger-ui"]]})
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert bad == [], f"accessibility violations on {page.url}: {bad}"


def test_a_frontend_on_another_origin_calls_the_mocks(page, live_server, frontend_origin, shop):
    page.goto(f"{frontend_origin}/index.html?mock={live_server.url}/mock/e-commerce-api")
    expect(page.locator("#product")).to_have_text("200 Shoe")
    expect(page.locator("#order")).to_have_text("201 pending via POST /api/v1/orders")
    expect(page.locator("#missing")).to_have_text("404 2 routes")


def test_swagger_ui_tries_an_endpoint_against_the_mock(page, shop):
    page.goto("/projects/e-commerce-api/api")
    expect(page.get_by_role("heading", name="E-commerce API", level=1)).to_be_visible()
    operation = page.locator(".opblock-get").filter(has_text="/api/v1/products/{id}").first
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_placeholder("id").fill("42")
    operation.get_by_role("button", name="Execute").click()
    live = operation.locator(".live-responses-table")
    expect(live.locator("tr.response .response-col_status")).to_have_text("200")
    expect(live).to_contain_text('"name": "Shoe"')
    expect(operation.locator(".request-url")).to_contain_text(
        "/mock/e-commerce-api/api/v1/products/42"
    )
    assert_our_markup_accessible(page)


def test_the_api_docs_page_shows_the_api_s_own_document(page):
    page.goto("/docs/api")
    expect(page.get_by_role("heading", name="Nexus Board API", level=1)).to_be_visible()
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    expect(page.locator("#swagger-ui")).to_contain_text("/contracts/{contract_id}")
    assert_our_markup_accessible(page)


def test_a_backend_learner_imports_a_document_with_a_preview(page, make_user, assert_accessible):
    make_user("ada", display_name="Ada Okafor")
    sign_in(page, "ada")
    page.goto("/projects/import")
    assert_accessible(page)
    page.get_by_label("Project", exact=True).fill("Shop API")
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_text("The document was not imported")).to_be_visible()
    expect(page.get_by_label("Project", exact=True)).to_have_value("Shop API")
    assert_accessible(page)

    page.get_by_label("OpenAPI document (JSON or YAML, up to 1 MB)").set_input_files(str(SAMPLE))
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_role("heading", name="Preview: import into Shop API")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("New contracts"))).to_contain_text("8")
    assert_accessible(page)
    page.get_by_role("button", name="Import 8 changes").click()
    expect(page.get_by_text("Imported into Shop API: 8 created, 0 changed.")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("This project's API"))).to_be_visible()
    page.get_by_role("link", name=re.compile("This project's API")).click()
    expect(page.get_by_role("heading", name="Shop API", level=1)).to_be_visible()
    assert_our_markup_accessible(page)


def test_a_learner_creates_copies_and_revokes_an_api_token(page, make_user, assert_accessible):
    make_user("ada", display_name="Ada Okafor")
    sign_in(page, "ada")
    page.goto("/settings")
    tokens = page.locator("#tokens")
    expect(tokens.get_by_text("You have no API tokens.")).to_be_visible()
    tokens.get_by_label("Token name").fill("CI on GitHub")
    tokens.get_by_role("button", name="Create token").click()
    secret = page.get_by_label("Token", exact=True)
    expect(secret).to_have_value(re.compile(r"^nxb_"))
    expect(page.get_by_role("cell", name="CI on GitHub", exact=True)).to_be_visible()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copy").click()
    expect(page.get_by_role("button", name="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == secret.input_value()
    assert_accessible(page)

    page.reload()
    expect(page.get_by_label("Token", exact=True)).to_have_count(0)  # shown once
    page.get_by_role("button", name="Revoke CI on GitHub").click()
    expect(page.locator("#tokens").get_by_text("You have no API tokens.")).to_be_visible()
    assert_accessible(page)
