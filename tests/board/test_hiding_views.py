"""Hiding over HTTP: the contract page's buttons (htmx and plain forms), the board, the page and
the dashboards of the people who still see it. Who may press them: tests/test_authorization.py."""

import re

import pytest

from nexus_board.board import lifecycle
from nexus_board.extensions import db
from nexus_board.limits import HIDDEN_REASON_CHARS
from nexus_board.models import Contract

from .factories import broken as broken_contract
from .factories import post

HX = {"HX-Request": "true"}
REASON = "Examples nested 40 deep; fixing them tonight"


@pytest.fixture
def broken(app, cast):
    """brian's POST /api/v1/orders, which needs fixing; ada posted another of the project."""
    with app.app_context():
        post(cast["ada"])
        return broken_contract(cast["brian"], method="POST", path="/api/v1/orders",
                               request_example='{"a": 1}')  # fmt: skip


@pytest.fixture
def hidden(app, cast, broken, user):
    """The broken contract, claimed by gabriel, then hidden by ada with REASON."""
    with app.app_context():
        lifecycle.claim(broken, user(cast["gabriel"]))
        lifecycle.hide(broken, user(cast["ada"]), REASON)
        db.session.commit()
    return broken


def stored(app, contract_id):
    with app.app_context():
        contract = db.session.get(Contract, contract_id)
        return contract.hidden_by_id, contract.hidden_reason


def test_hiding_from_the_page_with_htmx_swaps_the_status_panel(client_as, app, cast, broken):
    ada = client_as("ada")
    data = {"reason": REASON, "view": "page"}
    response = ada.post(f"/contracts/{broken}/hide", data=data, headers=HX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in html
    assert html.lstrip().startswith('<section id="contract-status"')
    assert "data-focus" in html  # keyboard users stay on the panel they acted in
    assert f"<strong>Hidden by Ada Okafor:</strong> <bdi>{REASON}</bdi>" in html
    assert ">Show it again</button>" in html and "Hide this contract" not in html
    assert "POST /api/v1/orders is hidden." in html  # announced in #flash
    assert "HX-Request" in response.headers["Vary"]
    assert stored(app, broken) == (cast["ada"], REASON)


def test_hiding_with_a_plain_form_redirects_to_the_page(client_as, app, cast, broken):
    brian = client_as("brian")
    response = brian.post(f"/contracts/{broken}/hide", data={"reason": REASON, "view": "page"})
    assert response.status_code == 303
    assert response.headers["Location"] == f"/contracts/{broken}"
    page = brian.get(response.headers["Location"]).get_data(as_text=True)
    assert "POST /api/v1/orders is hidden." in page and "Hidden by Brian Mwangi:" in page
    assert stored(app, broken) == (cast["brian"], REASON)


def test_a_missing_reason_is_said_next_to_its_field_in_place(client_as, app, broken):
    response = client_as("ada").post(
        f"/contracts/{broken}/hide", data={"reason": "  ", "view": "page"}, headers=HX
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "<html" not in html
    assert '<details class="hide-contract" open>' in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="reason-hint reason-error"' in html
    assert re.search(r'<p class="error" id="reason-error">Say why', html)
    assert "autofocus" in html
    assert stored(app, broken) == (None, None)


def test_a_plain_form_with_a_long_reason_keeps_what_was_typed(client_as, app, broken):
    typed = "x" * (HIDDEN_REASON_CHARS + 1)
    response = client_as("ada").post(f"/contracts/{broken}/hide", data={"reason": typed})
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "<html" in html
    assert f"Use at most {HIDDEN_REASON_CHARS} characters." in html
    assert f'value="{typed}"' in html
    assert "Comments" in html and "History" in html  # the whole page, not a bare block
    assert stored(app, broken) == (None, None)


def test_hiding_what_someone_just_hid_answers_in_place_with_who(client_as, hidden):
    response = client_as("brian").post(
        f"/contracts/{hidden}/hide", data={"reason": "Mine", "view": "page"}, headers=HX
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 409 and "HX-Retarget" not in response.headers
    assert "This contract is already hidden (by Ada Okafor)." in html
    assert ">Show it again</button>" in html


def test_showing_it_again_puts_the_hide_button_back(client_as, app, hidden):
    response = client_as("brian").post(
        f"/contracts/{hidden}/unhide", data={"view": "page"}, headers=HX
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "POST /api/v1/orders shows again." in html and "Hidden by" not in html
    assert "<summary>Hide this contract</summary>" in html  # it still needs fixing
    assert stored(app, hidden) == (None, None)


def test_showing_a_shown_contract_with_a_plain_form_says_why(client_as, broken):
    client = client_as("ada")
    response = client.post(f"/contracts/{broken}/unhide", data={"view": "page"})
    assert response.status_code == 303
    assert "This contract is not hidden." in client.get(f"/contracts/{broken}").get_data(
        as_text=True
    )


@pytest.mark.parametrize(
    ("username", "offered"),
    [("brian", True), ("ada", True), ("mentor", True), ("gabriel", False), ("hana", False)],
)
def test_the_page_offers_hiding_to_those_who_may_fix_it(client_as, broken, username, offered):
    page = client_as(username).get(f"/contracts/{broken}").get_data(as_text=True)
    assert ("<summary>Hide this contract</summary>" in page) == offered
    if offered:
        assert f'maxlength="{HIDDEN_REASON_CHARS}"' in page and 'for="reason"' in page


def test_a_sound_contract_offers_hiding_only_to_admins(client_as, app, cast):
    with app.app_context():
        sound = post(cast["ada"])
    assert "Hide this contract" not in client_as("ada").get(f"/contracts/{sound}").get_data(
        as_text=True
    )
    assert "Hide this contract" in client_as("mentor").get(f"/contracts/{sound}").get_data(
        as_text=True
    )


@pytest.mark.parametrize(
    ("username", "sees"),
    [("ada", True), ("brian", True), ("mentor", True), ("gabriel", False), ("hana", False)],
)
def test_the_board_shows_it_marked_only_to_who_may_show_it_again(client_as, hidden, username, sees):
    html = client_as(username).get("/board").get_data(as_text=True)
    assert (f'id="card-{hidden}"' in html) == sees
    if sees:
        assert f"<strong>Hidden by Ada Okafor:</strong> <bdi>{REASON}</bdi>" in html
        assert re.search(rf'class="card contract-card [^"]*is-hidden" id="card-{hidden}"', html)
    counts = dict(re.findall(r'id="count-(\w+)"[^>]*>(\d+)', html))
    assert counts["claimed"] == ("1" if sees else "0")


def test_visitors_neither_see_it_on_the_board_nor_open_it(client, hidden):
    assert f'id="card-{hidden}"' not in client.get("/board").get_data(as_text=True)
    response = client.get(f"/contracts/{hidden}")
    assert response.status_code == 404 and "This contract is hidden." in response.get_data(
        as_text=True
    )


def test_others_cannot_open_or_comment_on_it(client_as, make_user, hidden):
    make_user("olu", track="backend")  # no contract in the project
    for username in ("hana", "olu"):
        client = client_as(username)
        assert client.get(f"/contracts/{hidden}").status_code == 404
        assert client.post(f"/contracts/{hidden}/comments", data={"body": "Hi"}).status_code == 404


def test_its_claimer_opens_it_and_keeps_it_on_their_dashboard_marked(client_as, client, hidden):
    gabriel = client_as("gabriel")
    page = gabriel.get(f"/contracts/{hidden}").get_data(as_text=True)
    assert "Hidden by Ada Okafor:" in page and "you still see it" in page
    assert "Show it again" not in page and "Hide this contract" not in page
    hub = gabriel.get("/").get_data(as_text=True)
    claims = hub[hub.index('id="dash-claims"') :]
    assert "POST /api/v1/orders" in claims
    assert f"<strong>Hidden by Ada Okafor:</strong> <bdi>{REASON}</bdi>" in claims
    assert "POST /api/v1/orders" not in client.get("/").get_data(as_text=True)  # the public hub


def test_its_author_finds_it_marked_among_their_contracts(client_as, hidden):
    hub = client_as("brian").get("/").get_data(as_text=True)
    mine = hub[hub.index('id="dash-contracts"') :]
    assert "POST /api/v1/orders" in mine and "Hidden by Ada Okafor:" in mine


def test_showing_it_again_puts_it_back_on_everyones_board(client, client_as, hidden):
    assert client_as("ada").post(f"/contracts/{hidden}/unhide").status_code == 303
    assert f'id="card-{hidden}"' in client.get("/board").get_data(as_text=True)
    assert client.get(f"/contracts/{hidden}").status_code == 200


@pytest.mark.parametrize(
    "reason",
    ["<script>alert(1)</script>", "\u202eevil\u202c right to left", "**not** _Markdown_ [x](y)"],
)
def test_a_hostile_reason_shows_as_its_text(client_as, broken, reason):
    ada = client_as("ada")
    assert ada.post(f"/contracts/{broken}/hide", data={"reason": reason}).status_code == 303
    page = ada.get(f"/contracts/{broken}").get_data(as_text=True)
    escaped = reason.replace("<", "&lt;").replace(">", "&gt;")
    assert f"<bdi>{escaped}</bdi>" in page  # escaped, and isolated from the text around it
    assert "<script>alert" not in page
