"""The claimer is told what an edit breaks, and why, and acknowledges it. A real browser."""

import json

from playwright.sync_api import expect

from nexus_board.board import services
from nexus_board.board.specs import ResponseDraft, draft_of
from nexus_board.extensions import db
from nexus_board.models import Contract, User

from ..board.factories import PRODUCT, post
from .conftest import sign_in


def test_the_claimer_sees_breaking_with_its_reason_and_acknowledges(
    app, page, make_user, assert_accessible
):
    ada = make_user("ada", track="backend", display_name="Ada Okafor")
    gabriel = make_user("gabriel", track="frontend", display_name="Gabriel Nunes")
    with app.app_context():
        contract_id = post(ada, state="claimed", claimer_id=gabriel)
        contract = db.session.get(Contract, contract_id)
        edit = draft_of(contract)  # ada renames price: gabriel's product page reads it
        renamed = {k: v for k, v in PRODUCT.items() if k != "price"} | {"unit_price": "9.90"}
        edit.responses = [ResponseDraft(200, "", json.dumps(renamed)), ResponseDraft(404, "", "")]
        services.update_contract(contract, edit, db.session.get(User, ada), expected_version=1)
        db.session.commit()

    sign_in(page, "gabriel", "/board")
    card = page.locator(f"#card-{contract_id}")
    expect(card.get_by_text("Breaking change since you claimed it")).to_be_visible()
    assert_accessible(page)

    card.get_by_role("link", name="GET /api/v1/products/{id}").click()
    banner = page.get_by_role("note").filter(has_text="since you claimed it")
    expect(banner).to_contain_text("Breaking change since you claimed it")
    reason = banner.get_by_role("listitem").filter(has_text="price")
    expect(reason).to_contain_text("Breaking")
    expect(reason).to_contain_text(
        "The field price of response 200 was removed: clients reading it break."
    )
    expect(page.locator("#history")).to_contain_text("The new field unit_price of response 200")
    assert_accessible(page)

    banner.get_by_role("button", name="I have read the changes").click()  # htmx: in place
    expect(page.get_by_text("Breaking change since you claimed it")).to_have_count(0)
    expect(page.locator("#history")).to_contain_text("was removed: clients reading it break.")
    assert_accessible(page)
    page.goto("/board")
    expect(page.locator(f"#card-{contract_id}")).not_to_contain_text("since you claimed it")
