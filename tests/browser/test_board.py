"""A backend learner posts a contract; two frontend learners race to claim it; the winner
takes it to done. Real browsers, one per person."""

import re

from playwright.sync_api import expect

from .conftest import sign_in

ENDPOINT = "/api/v1/orders"


def post_contract(page, assert_accessible):
    page.get_by_role("link", name="Post a contract").click()
    expect(page.get_by_role("heading", name="Post a contract")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Project").fill("E-commerce API")
    page.get_by_label("Method").select_option("POST")
    page.get_by_label("Path").fill(ENDPOINT)
    page.get_by_label("Summary").fill("Place an order from the cart")
    page.get_by_label("Request body example (JSON)").fill('{"items": [{"product_id": 1,}]}')
    first = page.get_by_role("group", name="Response 1")
    first.get_by_label("Status code").fill("201")
    first.get_by_label("Example body (JSON)").fill('{"id": 10, "status": "pending"}')
    page.get_by_role("button", name="Add another response").click()  # htmx: no reload
    second = page.get_by_role("group", name="Response 2")
    second.get_by_label("Status code").fill("400")
    page.get_by_role("button", name="Post contract").click()

    # The request example has a trailing comma: the parser's position, the input kept.
    expect(page.get_by_text("Not valid JSON: line 1, column 29")).to_be_visible()
    expect(page.get_by_label("Summary")).to_have_value("Place an order from the cart")
    assert_accessible(page)
    page.get_by_label("Request body example (JSON)").fill('{"items": [{"product_id": 1}]}')
    # Enter in a field posts the contract: not "Remove response 1", the first button in the form.
    page.get_by_label("Summary").press("Enter")

    expect(page.get_by_text(f"Posted POST {ENDPOINT}.")).to_be_visible()
    expect(page.get_by_role("heading", name="400 Bad Request")).to_be_visible()
    assert_accessible(page)
    return int(re.search(r"/contracts/(\d+)$", page.url).group(1))


def test_post_race_to_claim_and_finish(page, new_session, make_user, assert_accessible):
    make_user("ada", track="backend", display_name="Ada Okafor")
    make_user("gabriel", track="frontend", display_name="Gabriel Nunes")
    make_user("hana", track="frontend", display_name="Hana Tesfaye")

    sign_in(page, "ada", "/board")
    assert_accessible(page)
    contract_id = post_contract(page, assert_accessible)

    boards = {"gabriel": new_session().page, "hana": new_session().page}
    for username, board in boards.items():
        sign_in(board, username, "/board")
        expect(
            board.locator("#cards-open").get_by_role("link", name=f"POST {ENDPOINT}")
        ).to_be_visible()
        assert_accessible(board)

    # Both click "Claim" at once, each on a board that still shows the contract open.
    for board in boards.values():
        board.locator(f"#card-{contract_id}").get_by_role("button", name="Claim").click()
    outcome = re.compile("You hold this|already holds this contract")
    for board in boards.values():
        expect(board.locator(f"#card-{contract_id}").get_by_text(outcome)).to_be_visible()
    winner_name = next(n for n, b in boards.items() if b.get_by_text("You hold this").count())
    loser_name = next(n for n in boards if n != winner_name)
    winner, loser = boards[winner_name], boards[loser_name]
    held_by = {"gabriel": "Gabriel Nunes", "hana": "Hana Tesfaye"}[winner_name]

    # The loser learns who holds it, in place, without reloading.
    notice = loser.locator(f"#card-{contract_id}").get_by_role("alert")
    expect(notice).to_have_text(f"{held_by} already holds this contract.")
    expect(loser.locator(f"#card-{contract_id}")).to_contain_text(f"Claimed by {held_by}")
    assert_accessible(loser)

    # The winner's card moved to Claimed, and the counts followed.
    expect(
        winner.locator("#cards-claimed").get_by_role("link", name=f"POST {ENDPOINT}")
    ).to_be_visible()
    expect(winner.locator("#count-claimed")).to_contain_text("1")
    expect(winner.locator("#count-open")).to_contain_text("0")
    assert_accessible(winner)

    card = winner.locator(f"#card-{contract_id}")
    card.get_by_role("button", name="Start work").click()
    expect(
        winner.locator("#cards-in_progress").get_by_role("link", name=f"POST {ENDPOINT}")
    ).to_be_visible()
    winner.locator(f"#card-{contract_id}").get_by_role("button", name="Mark done").click()
    expect(
        winner.locator("#cards-done").get_by_role("link", name=f"POST {ENDPOINT}")
    ).to_be_visible()
    expect(winner.locator("#count-done")).to_contain_text("1")
    expect(winner.locator("#flash")).to_contain_text("is done. Nice work!")
    assert_accessible(winner)

    winner.locator(f"#card-{contract_id}").get_by_role("link").first.click()
    expect(winner.get_by_role("heading", name=re.compile("Status: Done"))).to_be_visible()
    assert_accessible(winner)
