"""Read helpers for the hub and dashboards: right rows, a fixed number of statements."""

import pytest

from nexus_board.board import lifecycle, queries, services
from nexus_board.board.filters import BoardFilters
from nexus_board.board.specs import draft_of
from nexus_board.extensions import db
from nexus_board.models import Contract, ContractStatus, User
from nexus_board.models.types import utcnow

from .factories import bulk


def test_status_counts_include_every_status(app, contract):
    contract()
    contract(state="done", path="/d")
    with app.app_context():
        assert queries.status_counts() == {
            ContractStatus.OPEN: 1,
            ContractStatus.CLAIMED: 0,
            ContractStatus.IN_PROGRESS: 0,
            ContractStatus.DONE: 1,
        }


def test_dashboard_helpers(app, contract, cast, user):
    first = contract(state="claimed", claimer="gabriel", path="/one")
    contract(state="in_progress", claimer="gabriel", path="/two")
    contract(state="claimed", claimer="hana", path="/three")
    newest = contract(path="/four")
    with app.app_context():
        saved = db.session.get(Contract, first)
        edit = draft_of(saved)
        edit.auth_required = True
        services.update_contract(saved, edit, user(cast["ada"]), expected_version=1)
        db.session.commit()
        gabriel = cast["gabriel"]
        assert [c.path for c in queries.recent_contracts(2)] == ["/four", "/three"]
        assert {c.path for c in queries.claims_of(gabriel)} == {"/one", "/two"}
        assert db.session.get(Contract, first).breaking_since_claim
        assert len(queries.contracts_by(cast["ada"])) == 4
        assert queries.contracts_by(cast["brian"]) == []
        lifecycle.acknowledge(first, user(gabriel), 2)
        db.session.commit()
        assert not db.session.get(Contract, first).changed_since_claim
        assert newest


def test_hub_lists_read_every_list_and_the_edits_by_others_in_one_statement(
    app, contract, cast, user, count_queries
):
    first = contract(state="claimed", claimer="gabriel", path="/one")
    second = contract(path="/two")
    with app.app_context():
        for summary in ("First", "Second"):
            saved = db.session.get(Contract, first)
            edit = draft_of(saved)
            edit.summary = summary
            services.update_contract(saved, edit, user(cast["ada"]), expected_version=saved.version)
            db.session.commit()
        with count_queries() as sent:
            lists = queries.hub_lists(cast["gabriel"], None, work=5, moves=8, edits=8, recent=6)
        theirs = queries.hub_lists(cast["ada"], None, work=5, moves=8, edits=8)
        later = queries.hub_lists(cast["gabriel"], utcnow(), work=5, moves=8, edits=8)
    assert len(sent) == 1
    assert [c.id for c in lists["recent"]] == [second, first]
    assert [c.id for c in lists["claims"]] == [first]
    edits = lists["edits"]
    assert [(e.contract.id, e.editor_name) for e in edits] == [(first, "Ada Okafor")] * 2
    assert [e.changes[0]["new"] for e in edits] == ["Second", "First"]  # newest first
    assert theirs["edits"] == [] and [c.id for c in theirs["contracts"]] == [first, second]
    assert later["edits"] == [] and later["moves"] == []


@pytest.mark.parametrize(
    "helper",
    [
        lambda ids: queries.status_counts(),
        lambda ids: queries.recent_contracts(10),
        lambda ids: queries.claims_of(ids["gabriel"]),
        lambda ids: queries.contracts_by(ids["ada"]),
        lambda ids: queries.board(BoardFilters(tag="bulk"), db.session.get(User, ids["gabriel"])),
        lambda ids: queries.board(BoardFilters(tag="bulk"), db.session.get(User, ids["ada"])),
    ],
)
def test_helpers_cost_the_same_for_few_and_many(app, cast, count_queries, helper):
    def statements():
        with app.app_context(), count_queries() as found:
            rows = helper(cast)
            for contract in rows if isinstance(rows, list) else []:
                if isinstance(contract, Contract):  # touch what a card shows
                    _ = (contract.project.name, contract.author.display_name, contract.tag_names)
                    _ = contract.claimer.display_name if contract.claimer else None
        return len(found)

    with app.app_context():
        bulk(cast["ada"], cast["gabriel"], 8)
    few = statements()
    with app.app_context():
        bulk(cast["ada"], cast["gabriel"], 200, project="Many")
    assert statements() == few
