"""Read helpers for the hub and dashboards: right rows, a fixed number of statements."""

import pytest

from nexus_board.board import lifecycle, queries, services
from nexus_board.board.filters import BoardFilters
from nexus_board.board.specs import draft_of
from nexus_board.extensions import db
from nexus_board.models import Contract, ContractStatus, User

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
