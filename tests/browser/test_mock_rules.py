"""The author adds a mock dispatch rule on the contract page and the mock follows it; a wrong
one is refused next to the field; the rule is removed again."""

import json

from playwright.sync_api import expect

from nexus_board.board.specs import ResponseDraft as Reply

from ..board.factories import post
from .conftest import sign_in

MISSING = json.dumps({"missing": {"detail": "Product 0 never exists."}})


def test_add_a_rule_then_remove_it(app, page, cast, assert_accessible):
    with app.app_context():
        contract_id = post(cast["ada"], responses=[Reply(200, "", '{"id": 1}'),
                                                   Reply(404, "", "", "", MISSING)])  # fmt: skip
    sign_in(page, "ada", f"/contracts/{contract_id}")
    expect(page.get_by_text("No rules: the mock answers the first 2xx.")).to_be_visible()
    expect(page.get_by_role("heading", name="Example missing")).to_be_visible()
    assert_accessible(page)

    form = page.locator(".dispatch-form")
    form.get_by_label("Where the value is").select_option("path")
    form.get_by_label("Name", exact=True).fill("id")
    form.get_by_label("Equals").fill("0")
    form.get_by_label("Answer with status").fill("410")
    form.get_by_role("button", name="Add rule").click()
    expect(form.get_by_text("the contract lists no 410 response")).to_be_visible()
    assert_accessible(page)

    form.get_by_label("Answer with status").fill("404")
    form.get_by_label("Example name (optional)").fill("missing")
    form.get_by_role("button", name="Add rule").click()
    expect(page.locator("#flash")).to_contain_text("The mock follows the new rule now.")
    rules = page.get_by_role("table", name="Dispatch rules, first match wins")
    expect(rules).to_contain_text("path parameter id equals 0")
    assert_accessible(page)

    answer = page.request.get("/mock/e-commerce-api/api/v1/products/0")
    assert (answer.status, answer.json()) == (404, {"detail": "Product 0 never exists."})

    page.get_by_role("button", name="Remove rule 1").click()
    expect(page.get_by_text("No rules: the mock answers the first 2xx.")).to_be_visible()
    assert page.request.get("/mock/e-commerce-api/api/v1/products/0").status == 200
