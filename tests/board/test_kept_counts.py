"""The public board's counts per status, kept in `board_counts`: exact after every write."""

import threading

import pytest
from sqlalchemy import func, select, update

from nexus_board.auth.deletion import delete_account
from nexus_board.board import kept_counts, lifecycle, queries, services
from nexus_board.board.filters import BoardFilters
from nexus_board.board.policy import Action
from nexus_board.extensions import db
from nexus_board.models import BoardCount, Contract, ContractStatus, User

from ..conftest import PASSWORD
from .factories import broken, draft, post


def counted() -> dict:
    """What the public board shows per status, counted from the contracts."""
    found = dict.fromkeys(ContractStatus, 0)
    shown = select(Contract.status, func.count()).where(
        Contract.hidden_at.is_(None), Contract.is_draft.is_(False)
    )
    found.update(db.session.execute(shown.group_by(Contract.status)).all())
    return found


def kept() -> dict:
    return kept_counts.counts(db.session.connection())


def person(name: str) -> User:
    return db.session.scalar(select(User).where(User.username == name))


def the_draft() -> Contract:
    return db.session.scalars(select(Contract).where(Contract.is_draft)).one()


def test_every_kind_of_board_write_leaves_the_kept_counts_exact(app, cast):
    with app.app_context():
        ada, gabriel, mentor = person("ada"), person("gabriel"), person("mentor")
        first = post(cast["ada"], path="/api/v1/products/{id}")
        second = post(
            cast["ada"], path="/api/v1/orders", state="claimed", claimer_id=cast["gabriel"]
        )
        steps = [
            lambda: lifecycle.claim(first, gabriel),
            lambda: lifecycle.move(first, gabriel, Action.START),
            lambda: lifecycle.move(first, gabriel, Action.FINISH),
            lambda: lifecycle.unclaim(second, gabriel),
            lambda: lifecycle.hide(second, mentor, "Spam"),
            lambda: lifecycle.unhide(second, mentor),
            lambda: services.create_contract(draft(path="/api/v1/carts", is_draft=True), ada),
            lambda: services.publish(the_draft(), ada),
            lambda: services.delete_contract(db.session.get(Contract, second), ada),
        ]
        for number, step in enumerate(steps):
            step()
            db.session.commit()
            assert kept() == counted(), f"after step {number}"
        assert counted()[ContractStatus.DONE] == 1  # the steps did move contracts


def test_releasing_a_departing_learners_claims_recounts(app, cast):
    with app.app_context():
        for path in ("/api/v1/a", "/api/v1/b"):
            post(cast["ada"], path=path, state="in_progress", claimer_id=cast["gabriel"])
        delete_account(person("gabriel"), confirm="gabriel")
        db.session.commit()
        assert kept() == counted()
        assert kept()[ContractStatus.OPEN] == 2


def test_a_rolled_back_write_leaves_the_counts_as_they_were(app, cast):
    with app.app_context():
        contract_id = post(cast["ada"])
        before = kept()
        lifecycle.claim(contract_id, person("gabriel"))
        db.session.rollback()
        assert kept() == before == counted()


def test_writes_past_the_services_are_counted_too(app, cast):
    """A change through the session, as a statement or an object, recounts at its commit."""
    with app.app_context():
        contract_id = post(cast["ada"])
        db.session.execute(
            update(Contract).where(Contract.id == contract_id).values(hidden_at=func.now())
        )
        db.session.commit()
        assert kept()[ContractStatus.OPEN] == 0
        db.session.get(Contract, contract_id).hidden_at = None
        db.session.commit()
        assert kept()[ContractStatus.OPEN] == 1


def test_the_board_adds_the_hidden_contracts_a_viewer_may_see(app, cast):
    with app.app_context():
        post(cast["ada"])
        hidden = broken(cast["brian"], path="/api/v1/orders")
        lifecycle.hide(hidden, person("brian"), "Too deep")
        db.session.commit()
        db.session.execute(update(BoardCount).values(contracts=BoardCount.contracts + 100))
        db.session.commit()  # the kept rows, not a count of the contracts, are what shows
        for name, seen in (("gabriel", 101), ("brian", 102), ("mentor", 102), ("ada", 102)):
            counts = queries.status_counts(BoardFilters(), person(name))
            assert counts[ContractStatus.OPEN] == seen, name
        assert queries.status_counts()[ContractStatus.OPEN] == 101
        filtered = queries.status_counts(BoardFilters(q="orders"), person("brian"))
        assert filtered[ContractStatus.OPEN] == 1  # a filtered board counts its contracts


@pytest.mark.services
def test_a_recount_waits_for_the_one_before_and_counts_its_write(make_app, postgres_database):
    """Two transactions move contracts at once: the second's count sees the first's commit."""
    app = make_app(SQLALCHEMY_DATABASE_URI=postgres_database)
    with app.app_context():
        from nexus_board.auth import services as accounts

        ada = accounts.register(
            username="ada", display_name="Ada", password=PASSWORD, track="backend"
        )
        db.session.commit()
        ids = [post(ada.id, path=f"/api/v1/items{n}") for n in range(2)]
        engine = db.engine
    first, second = engine.connect(), engine.connect()
    hide = update(Contract).values(hidden_at=func.now())
    try:
        first.begin()
        first.execute(hide.where(Contract.id == ids[0]))
        kept_counts.recount(first)  # holds the rows' lock until it commits

        def other():
            second.begin()
            second.execute(hide.where(Contract.id == ids[1]))
            kept_counts.recount(second)  # waits for the first, then counts both
            second.commit()

        thread = threading.Thread(target=other)
        thread.start()
        thread.join(timeout=0.5)
        assert thread.is_alive(), "the second recount did not wait for the first"
        first.commit()
        thread.join(timeout=10)
        assert not thread.is_alive()
    finally:
        first.close()
        second.close()
    with app.app_context():
        assert kept()[ContractStatus.OPEN] == 0 == counted()[ContractStatus.OPEN]


def test_the_recount_command_mends_counts_a_hand_made_change_left_behind(app, cast, runner):
    with app.app_context():
        post(cast["ada"])
        with db.engine.begin() as connection:  # past the session, as a fix in psql would be
            connection.execute(update(Contract).values(hidden_at=func.now()))
        assert kept()[ContractStatus.OPEN] == 1
    result = runner.invoke(args=["nexus", "recount"])
    assert result.exit_code == 0, result.output
    assert "Open: 0" in result.output
    with app.app_context():
        assert kept() == counted()
