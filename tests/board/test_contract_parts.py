"""The contract page's kept parts (board/contract_parts.py): whatever changes shows at once.

Each test renders the page, changes one thing the kept part shows, and renders it again in the
same app, whose process keeps the part: a key that missed the change would show the old one.
"""

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from nexus_board import templating
from nexus_board.board import contract_parts, dispatch_edits, lifecycle, responses, services
from nexus_board.board.lookup import get_contract
from nexus_board.board.specs import ResponseDraft, draft_of
from nexus_board.caching import changed
from nexus_board.extensions import db
from nexus_board.models import Project, User, Verification


def page(client, contract_id: int) -> str:
    response = client.get(f"/contracts/{contract_id}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def io(html: str) -> str:
    """The request and responses section alone."""
    start = html.index('<div class="contract-io">')
    return html[start : html.index('<section id="history"', start)]


def edit(app, contract_id: int, editor_id: int, **fields) -> None:
    with app.app_context():
        contract = get_contract(contract_id, full=True)
        changed = draft_of(contract)
        for name, value in fields.items():
            setattr(changed, name, value)
        editor = db.session.get(User, editor_id)
        services.update_contract(contract, changed, editor, expected_version=contract.version)
        db.session.commit()


def test_an_edit_shows_at_once(app, client, contract, cast):
    contract_id = contract(description="Reads **one** product.")
    assert "<strong>one</strong>" in page(client, contract_id)
    responses_ = [ResponseDraft(200, "", json.dumps({"id": 1, "colour": "red"}))]
    edit(app, contract_id, cast["ada"], description="Reads *any* product.", responses=responses_)
    shown = page(client, contract_id)
    assert "<em>any</em>" in shown and "<strong>one</strong>" not in shown
    assert '"colour"' in io(shown) and "404</span>" not in io(shown)
    assert "Version 2</strong>" in shown  # the history too


def test_a_mock_rule_shows_at_once(app, client, contract, cast):
    contract_id = contract()
    assert "No rules: the mock answers the first 2xx." in page(client, contract_id)
    with app.app_context():
        rule = {"in": "path", "name": "id", "equals": "0", "status": 404, "example": ""}
        ada = db.session.get(User, cast["ada"])
        dispatch_edits.add_rule(get_contract(contract_id, full=True), rule, ada, expected_version=1)
        db.session.commit()
    shown = io(page(client, contract_id))
    assert "path parameter <code>id</code> equals <code>0</code>" in shown
    assert "No rules" not in shown


def test_those_who_may_edit_get_the_rule_form_and_nobody_else_keeps_it(client, auth, contract):
    contract_id = contract()
    visitor = io(page(client, contract_id))
    auth.sign_in("ada")
    author = io(page(client, contract_id))
    assert "Add a rule" in author and 'name="csrf_token"' in author
    auth.sign_out()
    auth.sign_in("brian")  # another backend learner: not theirs to edit
    for shown in (io(page(client, contract_id)), visitor):
        assert "Add a rule" not in shown and "csrf_token" not in shown
    auth.sign_out()
    assert io(page(client, contract_id)) == visitor


def test_a_renamed_project_shows_at_once(app, client, contract):
    contract_id = contract()
    assert "E-commerce API page" in io(page(client, contract_id))
    with app.app_context():
        db.session.query(Project).one().name = "Shop"
        changed("board")  # the visitors' cached page (caching.py) moves on too
        db.session.commit()
    assert "Shop API page" in io(page(client, contract_id))


def test_a_check_against_a_backend_shows_at_once(app, client, contract):
    contract_id = contract()
    assert "Verified" not in page(client, contract_id)
    with app.app_context():
        check = Verification(contract_id=contract_id, passed=True, contract_version=1,
                             status_code=200, base_url="http://api.test")  # fmt: skip
        db.session.add(check)
        changed("board")
        db.session.commit()
    assert "against <code>http://api.test</code>" in io(page(client, contract_id))


def test_the_words_of_a_time_move_on_with_the_clock(app, client, auth, contract, monkeypatch):
    contract_id = contract()
    auth.sign_in("hana")  # a learner who gets no form: visitors' pages are cached whole
    with app.app_context():
        db.session.add(Verification(contract_id=contract_id, passed=False, contract_version=1,
                                    base_url="http://api.test"))  # fmt: skip
        db.session.commit()
    assert "just now" in io(page(client, contract_id))
    later = datetime.now(UTC) + timedelta(hours=3)
    monkeypatch.setattr(templating, "datetime", _Frozen(later))
    shown = page(client, contract_id)
    assert "3 hours ago" in io(shown) and "just now" not in io(shown)


def test_a_sunset_date_passing_shows_the_next_day(app, client, auth, contract, cast, monkeypatch):
    contract_id = contract()
    auth.sign_in("hana")
    tomorrow = date.today() + timedelta(days=1)
    edit(app, contract_id, cast["ada"], deprecated=True, sunset=tomorrow.isoformat())
    assert "to be removed on" in page(client, contract_id)
    assert "the sunset date has passed" not in page(client, contract_id)
    for module in (contract_parts, responses):
        monkeypatch.setattr(module, "utc_today", lambda: tomorrow)
    assert "the sunset date has passed" in page(client, contract_id)


@pytest.mark.parametrize("viewer", ["", "gabriel"])
def test_the_kept_parts_do_not_hold_a_hidden_contract_for_visitors(app, client, auth, contract,
                                                                   cast, viewer):  # fmt: skip
    contract_id = contract(state="claimed")
    if viewer:
        auth.sign_in(viewer)
    assert page(client, contract_id)
    with app.app_context():
        lifecycle.hide(contract_id, db.session.get(User, cast["mentor"]), reason="Spam")
        db.session.commit()
    shown = client.get(f"/contracts/{contract_id}")
    if viewer:  # its claimer still sees it, with the banner
        assert "Spam" in shown.get_data(as_text=True)
    else:
        assert shown.status_code == 404


class _Frozen:
    """`datetime` as templating.py uses it, with `now` at a fixed moment."""

    def __init__(self, moment: datetime):
        self.moment = moment

    def now(self, tz=None):
        return self.moment


def test_the_first_render_and_a_kept_one_are_the_same(app, client, contract, cast):
    contract_id = contract()
    edit(app, contract_id, cast["ada"], summary="Get a product")
    first, kept = page(client, contract_id), page(client, contract_id)
    assert io(first) == io(kept) and history(first) == history(kept)


def history(html: str) -> str:
    start = html.index('<ol class="revisions">')
    return html[start : html.index("</ol>", start)]


def test_new_names_show_in_the_history(app, client, contract, cast):
    contract_id = contract()
    edit(app, contract_id, cast["mentor"], summary="Get a product")  # an admin's edit
    assert "posted by Ada Okafor" in history(page(client, contract_id))
    for name, new_name in (("ada", "Ada O."), ("mentor", "The Mentor")):
        with app.app_context():
            db.session.get(User, cast[name]).display_name = new_name
            changed("profiles")  # the visitors' cached page (caching.py) moves on too
            db.session.commit()
        shown = history(page(client, contract_id))
        assert "posted by Ada O." in shown
    assert "Version 2</strong> · The Mentor" in shown


def test_only_the_claimer_is_told_which_edits_are_new_to_them(app, client, auth, contract, cast):
    contract_id = contract(state="claimed")  # gabriel saw version 1
    edit(app, contract_id, cast["ada"], summary="Get a product")
    new = "New since you looked"
    assert new not in page(client, contract_id)
    auth.sign_in("gabriel")
    assert new in history(page(client, contract_id))
    with app.app_context():
        lifecycle.acknowledge(contract_id, db.session.get(User, cast["gabriel"]), 2)
        db.session.commit()
    assert new not in page(client, contract_id)
    auth.sign_out()
    auth.sign_in("hana")
    assert new not in page(client, contract_id)
