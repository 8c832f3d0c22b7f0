"""Buttons over HTTP: claim and move (htmx fragments, out-of-band counts, 409 cards), comments,
acknowledging changes. Who may press which button: tests/test_authorization.py."""

import re

import pytest

from nexus_board.board import lifecycle
from nexus_board.extensions import db
from nexus_board.models import Contract, ContractStatus

HX = {"HX-Request": "true"}


def state(app, contract_id):
    with app.app_context():
        contract = db.session.get(Contract, contract_id)
        return contract.status, contract.claimer_id


def test_claiming_from_the_board_moves_the_card_and_updates_counts(
    client, auth, app, contract, cast
):
    contract_id = contract()
    contract(path="/other")
    auth.sign_in("gabriel")
    response = client.post(
        f"/contracts/{contract_id}/claim", data={"view": "board", "project": ""}, headers=HX
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in html
    assert state(app, contract_id) == (ContractStatus.CLAIMED, cast["gabriel"])
    # The card leaves Open (the main swap is empty) and joins the top of Claimed.
    assert html.startswith("<") and html.index('hx-swap-oob="afterbegin:#cards-claimed"') >= 0
    assert not re.match(r"\s*<li", html)
    assert re.search(r'id="count-open" hx-swap-oob="true">1<', html)
    assert re.search(r'id="count-claimed" hx-swap-oob="true">1<', html)
    assert "You claimed GET /api/v1/products/{id}" in html  # announced in #flash
    assert "<strong>You</strong> hold this" in html and ">Start work<span" in html
    assert "HX-Request" in response.headers["Vary"]


def test_counts_in_the_answer_follow_the_board_filters(client, auth, contract):
    contract_id = contract()
    contract(path="/other", method="DELETE")
    auth.sign_in("gabriel")
    html = client.post(
        f"/contracts/{contract_id}/claim", data={"view": "board", "method": "GET"}, headers=HX
    ).get_data(as_text=True)
    assert re.search(r'id="count-open" hx-swap-oob="true">0<', html)


def test_a_lost_claim_is_a_409_card_saying_who_holds_it(client, auth, app, contract, cast):
    contract_id = contract(state="claimed", claimer="gabriel")
    auth.sign_in("hana")
    response = client.post(f"/contracts/{contract_id}/claim", data={"view": "board"}, headers=HX)
    html = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "HX-Retarget" not in response.headers  # the card answers in place
    assert html.lstrip().startswith(
        f'<li class="card contract-card status-claimed" id="card-{contract_id}"'
    )
    assert (
        '<p class="card-notice" role="alert">Gabriel Nunes already holds this contract.</p>' in html
    )
    assert "Claimed by <strong>Gabriel Nunes</strong>" in html
    assert state(app, contract_id) == (ContractStatus.CLAIMED, cast["gabriel"])


def test_a_claim_lost_between_page_and_click_also_says_who(client, auth, app, contract, cast, user):
    contract_id = contract()
    auth.sign_in("hana")
    client.get("/board")
    with app.app_context():
        lifecycle.claim(contract_id, user(cast["gabriel"]))
        db.session.commit()
    response = client.post(f"/contracts/{contract_id}/claim", data={"view": "page"}, headers=HX)
    html = response.get_data(as_text=True)
    assert response.status_code == 409
    assert html.lstrip().startswith('<section id="contract-status"')
    assert "Gabriel Nunes already holds this contract." in html


def test_moves_from_the_contract_page_swap_the_status_panel(client, auth, app, contract):
    contract_id = contract(state="claimed")
    auth.sign_in("gabriel")
    for action, status, button in [
        ("start", "in_progress", "Mark done"),
        ("finish", "done", "Reopen"),
        ("reopen", "in_progress", "Mark done"),
        ("unclaim", "open", "Claim"),
    ]:
        response = client.post(
            f"/contracts/{contract_id}/{action}", data={"view": "page"}, headers=HX
        )
        html = response.get_data(as_text=True)
        assert response.status_code == 200, action
        assert html.lstrip().startswith('<section id="contract-status"')
        assert f">{button}<span" in html
        assert state(app, contract_id)[0] == status
        assert 'id="flash" hx-swap-oob="innerHTML"' in html


def test_without_javascript_a_move_redirects_back(client, auth, app, contract):
    contract_id = contract()
    auth.sign_in("gabriel")
    response = client.post(f"/contracts/{contract_id}/claim", data={"view": "board"})
    assert (response.status_code, response.headers["Location"]) == (
        303,
        f"/board#card-{contract_id}",
    )
    assert "You claimed" in client.get("/board").get_data(as_text=True)
    response = client.post(f"/contracts/{contract_id}/start", data={"view": "page"})
    assert response.headers["Location"] == f"/contracts/{contract_id}"
    auth.sign_out()
    auth.sign_in("hana")
    response = client.post(f"/contracts/{contract_id}/claim", data={"view": "page"})
    assert response.status_code == 303
    assert "Gabriel Nunes already holds this contract." in client.get(
        f"/contracts/{contract_id}"
    ).get_data(as_text=True)


def test_a_forbidden_move_shows_the_reason_in_the_flash_area(client, auth, contract):
    contract_id = contract()
    auth.sign_in("brian")
    response = client.post(f"/contracts/{contract_id}/claim", data={"view": "board"}, headers=HX)
    assert response.status_code == 403
    assert response.headers["HX-Retarget"] == "#flash"
    assert "Only frontend learners can claim contracts." in response.get_data(as_text=True)


def test_marking_implemented_updates_the_card_in_place(client, auth, contract):
    contract_id = contract()
    auth.sign_in("ada")
    html = client.post(
        f"/contracts/{contract_id}/implement", data={"view": "board"}, headers=HX
    ).get_data(as_text=True)
    assert html.lstrip().startswith(
        f'<li class="card contract-card status-open" id="card-{contract_id}"'
    )
    assert "Implemented</span>" in html and "afterbegin" not in html


def test_the_claimer_acknowledges_changes(client, auth, app, contract, cast, user):
    contract_id = contract(state="claimed")
    with app.app_context():
        db.session.get(Contract, contract_id).summary = "Changed"  # a plain edit bumps the version
        db.session.commit()
    auth.sign_in("gabriel")
    assert "Changed since you claimed it" in client.get("/board").get_data(as_text=True)
    page = client.get(f"/contracts/{contract_id}").get_data(as_text=True)
    assert "you saw version 1, this is version 2" in page
    html = client.post(
        f"/contracts/{contract_id}/acknowledge", data={"version": "2", "view": "page"}, headers=HX
    ).get_data(as_text=True)
    assert "I have read the changes" not in html and "Changes marked as read." in html
    assert "Changed since you claimed it" not in client.get("/board").get_data(as_text=True)
    assert client.post(f"/contracts/{contract_id}/acknowledge", data={}).status_code == 400


def test_comments_are_added_in_place_and_sanitized(client, auth, contract):
    contract_id = contract(state="claimed")
    auth.sign_in("gabriel")
    response = client.post(
        f"/contracts/{contract_id}/comments",
        data={"body": "Is `next` a URL? <img src=x onerror=alert(1)>"},
        headers=HX,
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in html
    assert html.lstrip().startswith('<h2 id="comments-heading">')
    assert "<code>next</code>" in html and "onerror" not in html.replace(
        "&lt;img src=x onerror", ""
    )
    assert "claimer</span>" in html
    assert "Your comment is posted." in html
    assert "Is `next`" not in html.split("<textarea")[1]  # a fresh, empty form


def test_an_empty_comment_is_a_422_in_place(client, auth, contract):
    contract_id = contract()
    auth.sign_in("hana")
    response = client.post(f"/contracts/{contract_id}/comments", data={"body": "  "}, headers=HX)
    assert response.status_code == 422 and "HX-Retarget" not in response.headers
    assert "Write a comment first." in response.get_data(as_text=True)


def test_without_javascript_an_empty_comment_gets_the_whole_page_back(client, auth, contract):
    contract_id = contract()
    auth.sign_in("hana")
    response = client.post(f"/contracts/{contract_id}/comments", data={"body": "  "})
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "<html" in html  # was a 500: the page lacked its parts
    assert "Write a comment first." in html and "History" in html and "Claim" in html


def test_without_javascript_a_comment_redirects_to_itself(client, auth, contract):
    contract_id = contract()
    auth.sign_in("hana")
    response = client.post(f"/contracts/{contract_id}/comments", data={"body": "Hello"})
    assert response.status_code == 303
    assert re.fullmatch(rf"/contracts/{contract_id}#comment-\d+", response.headers["Location"])


@pytest.mark.parametrize("action", ["claim", "comments", "acknowledge", "delete", "edit"])
def test_writes_on_a_missing_contract_are_404(client, auth, cast, action):
    auth.sign_in("mentor")
    response = client.post(f"/contracts/999/{action}", data={"body": "x", "version": "1"})
    assert response.status_code == 404
