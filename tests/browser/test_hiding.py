"""A teammate hides a contract that needs fixing from its page, by keyboard, and shows it again;
visitors lose it from the board meanwhile."""

from playwright.sync_api import expect

from ..board.factories import broken, post
from .conftest import sign_in


def test_hide_and_show_again_by_keyboard(app, page, new_session, cast, assert_accessible):
    with app.app_context():
        post(cast["ada"])
        contract_id = broken(cast["brian"], method="POST", path="/api/v1/orders",
                             request_example='{"a": 1}')  # fmt: skip
    sign_in(page, "ada", f"/contracts/{contract_id}")
    expect(page.get_by_text("Needs fixing:")).to_be_visible()
    assert_accessible(page)

    page.get_by_text("Hide this contract").focus()
    page.keyboard.press("Enter")  # opens the disclosure
    reason = page.get_by_label("Why hide it?")
    reason.focus()
    page.keyboard.press("Enter")  # empty: the browser asks for a reason first
    expect(page.get_by_text("Hidden by")).to_have_count(0)
    reason.fill("Examples nested 40 deep")
    reason.press("Enter")  # htmx: the status panel answers in place

    expect(page.get_by_role("note").filter(has_text="Hidden by Ada Okafor:")).to_be_visible()
    expect(page.locator("#flash")).to_contain_text("POST /api/v1/orders is hidden.")
    expect(page.locator("#contract-status")).to_be_focused()
    assert_accessible(page)

    visitor = new_session().page
    visitor.goto("/board")
    expect(visitor.get_by_role("link", name="POST /api/v1/orders")).to_have_count(0)

    page.get_by_role("button", name="Show it again").click()
    expect(page.locator("#flash")).to_contain_text("POST /api/v1/orders shows again.")
    expect(page.get_by_text("Hide this contract")).to_be_visible()
    visitor.goto("/board")
    expect(visitor.get_by_role("link", name="POST /api/v1/orders")).to_be_visible()
    assert_accessible(visitor)
