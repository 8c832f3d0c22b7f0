"""What the claimer sees of a classified edit: the page's banner, the history, the dashboard."""

import json
import re

from nexus_board.board import services
from nexus_board.board.specs import ResponseDraft, draft_of
from nexus_board.extensions import db
from nexus_board.models import Contract, User

from .factories import PRODUCT


def edit(app, cast, contract_id, **fields):
    with app.app_context():
        saved = db.session.get(Contract, contract_id)
        changed = draft_of(saved)
        for name, value in fields.items():
            setattr(changed, name, value)
        ada = db.session.get(User, cast["ada"])
        revision = services.update_contract(saved, changed, ada, expected_version=saved.version)
        db.session.commit()
        return revision.version


def test_the_claimer_reads_breaking_changes_first_until_acknowledged(
    app, cast, contract, client_as
):
    contract_id = contract(state="claimed")
    no_maker = {k: v for k, v in PRODUCT.items() if k != "maker"}
    edit(app, cast, contract_id, summary="Fetch one product",
         responses=[ResponseDraft(200, "", json.dumps(no_maker))])  # fmt: skip
    gabriel = client_as("gabriel")
    page = gabriel.get(f"/contracts/{contract_id}").get_data(as_text=True)
    banner = page.split('class="changed-banner is-breaking"', 1)[1].split("</form>", 1)[0]
    assert "Breaking change since you claimed it" in banner
    severities = re.findall(r"classified-change is-([a-z-]+)", banner)
    assert severities == ["breaking", "possibly-breaking"]  # safe ones wait in the history
    assert "The field maker of response 200 was removed: clients reading it break." in banner
    assert "The documented 404 response was removed" in banner
    history = page.split('id="history"', 1)[1]
    assert "The summary changed." in history and "badge-breaking" in history

    hub = gabriel.get("/").get_data(as_text=True)
    alert = hub.split('class="is-alert"', 1)[1].split("</ul>", 1)[0]
    assert "breaking change" in alert and "The field maker of response 200 was removed" in alert

    board = gabriel.get("/board").get_data(as_text=True)
    assert "Breaking change since you claimed it" in board
    acknowledged = gabriel.post(f"/contracts/{contract_id}/acknowledge",
                                data={"version": "2", "view": "page"})  # fmt: skip
    assert acknowledged.status_code == 303
    assert "Breaking change since you claimed it" not in gabriel.get("/board").get_data(
        as_text=True
    )
    assert "changed-banner" not in gabriel.get(f"/contracts/{contract_id}").get_data(as_text=True)


def test_a_safe_edit_only_says_it_changed(app, cast, contract, client_as):
    contract_id = contract(state="claimed")
    edit(app, cast, contract_id, description="Prices are strings.")
    page = client_as("gabriel").get(f"/contracts/{contract_id}").get_data(as_text=True)
    assert "Changed since you claimed it" in page and "is-breaking" not in page
    assert "The description changed." in page
