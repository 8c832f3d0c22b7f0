"""GraphiQL on a GraphQL project's API page: it loads under the strict CSP (any violation is a
console error, which fails the test), runs an operation against the mock, browses the docs."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from ..gql.factories import SLUG, post, upload


@pytest.fixture
def shop(app, cast):
    with app.app_context():
        upload(cast["ada"])
        post(cast["ada"])
    return cast


def test_graphiql_runs_an_operation_against_the_mock_under_the_csp(shop, page):
    response = page.goto(f"/projects/{SLUG}/api")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-eval" not in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    editor = page.locator(".graphiql-container")
    expect(editor).to_be_visible()
    expect(page.locator(".graphiql-query-editor")).to_contain_text("query ProductList")
    page.get_by_role("button", name="Execute query (Ctrl-Enter)").click()
    expect(page.locator(".result-window")).to_contain_text('"name": "Shoe"')
    # The schema's documentation is browsable.
    page.get_by_role("button", name="Show Documentation Explorer").click()
    docs = page.get_by_role("region", name="Documentation Explorer")
    docs.get_by_role("link", name="Query", exact=True).click()
    expect(docs.get_by_text("The shop's catalogue.")).to_be_visible()
    expect(docs.get_by_text("products")).to_be_visible()
    results = Axe().run(page, context={"exclude": [["#graphiql"]]})
    bad = [
        v["id"] for v in results.response["violations"] if v["impact"] in {"serious", "critical"}
    ]
    assert bad == [], f"accessibility violations on {page.url}: {bad}"
