"""Hiding a contract and showing it again, through the services: when it may be, the reason, the
conditional UPDATE, and who still finds it on their board. Who may (by role and state) is in
test_policy.py."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select, update

from nexus_board.board import lifecycle, policy, queries
from nexus_board.board.filters import BoardFilters
from nexus_board.errors import Conflict, Forbidden, Invalid, NotFound
from nexus_board.extensions import db
from nexus_board.limits import HIDDEN_REASON_CHARS
from nexus_board.models import Contract, User
from nexus_board.models.types import utcnow

from .factories import broken as broken_contract
from .factories import post


@pytest.fixture
def broken(app, cast):
    """brian's POST /api/v1/orders, whose example its project cannot document, next to ada's
    sound GET /api/v1/products/{id} (so ada is brian's teammate). Returns the broken one's id."""
    with app.app_context():
        post(cast["ada"])
        return broken_contract(cast["brian"], method="POST", path="/api/v1/orders",
                               request_example='{"a": 1}')  # fmt: skip


def hide(contract_id, username, reason="Examples too deep to document"):
    return lifecycle.hide(contract_id, _user(username), reason)


def _user(username) -> User:
    return db.session.scalar(select(User).where(User.username == username))


def test_hiding_records_who_when_and_why_and_showing_forgets_it(app, broken):
    with app.app_context():
        hidden = hide(broken, "ada", "  Examples nested 40 deep: fixing tonight  ")
        db.session.commit()
        assert (hidden.hidden_by.username, hidden.hidden_reason) == (
            "ada",
            "Examples nested 40 deep: fixing tonight",
        )
        assert hidden.hidden_at is not None and hidden.hider_name == "Ada Okafor"
        assert hidden.version == 1  # hiding is no edit: no revision, no version
        shown = lifecycle.unhide(broken, _user("brian"))
        db.session.commit()
        assert (shown.hidden_at, shown.hidden_by_id, shown.hidden_reason) == (None, None, None)


def test_a_sound_contract_is_not_for_its_authors_to_hide(app, cast, broken):
    with app.app_context():
        sound = post(cast["brian"], path="/api/v1/carts")
        for username in ("brian", "ada"):  # its author, a teammate
            with pytest.raises(Conflict, match="only a contract that needs fixing"):
                hide(sound, username)
        db.session.rollback()
        assert db.session.get(Contract, sound).hidden_at is None


def test_an_admin_may_hide_any_contract_and_only_an_admin_shows_it_again(app, cast, broken):
    with app.app_context():
        sound = post(cast["brian"], path="/api/v1/carts")
        hide(sound, "mentor", "Spam")
        db.session.commit()
        for username in ("brian", "ada"):
            with pytest.raises(Forbidden, match="only an admin can show it again"):
                lifecycle.unhide(sound, _user(username))
        lifecycle.unhide(sound, _user("mentor"))
        db.session.commit()
        assert db.session.get(Contract, sound).hidden_at is None


def test_hiding_twice_or_showing_a_shown_contract_is_a_conflict(app, broken):
    with app.app_context():
        with pytest.raises(Conflict, match="not hidden"):
            lifecycle.unhide(broken, _user("brian"))
        hide(broken, "ada")
        db.session.commit()
        with pytest.raises(Conflict, match=r"already hidden \(by Ada Okafor\)"):
            hide(broken, "brian")


def test_people_who_cannot_see_it_are_told_it_is_not_there(app, make_user, broken):
    make_user("olu", track="backend")  # outside the project
    with app.app_context():
        hide(broken, "brian")
        db.session.commit()
        for username in ("hana", "olu"):
            with pytest.raises(NotFound, match="hidden"):
                lifecycle.unhide(broken, _user(username))
        with pytest.raises(NotFound):
            lifecycle.claim(broken, _user("hana"))  # it was open: now nobody finds it to claim


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        ("", "Say why"),
        ("   ", "Say why"),
        ("x" * (HIDDEN_REASON_CHARS + 1), f"at most {HIDDEN_REASON_CHARS} characters"),
        ("first line\nsecond line", "one line"),
        ("tab\there", "one line"),
        ("bell \x07", "one line"),
        ("\u200b\u200d", "something people can read"),
    ],
)
def test_a_reason_is_one_readable_line_within_its_limit(app, broken, reason, message):
    with app.app_context():
        with pytest.raises(Invalid) as raised:
            hide(broken, "brian", reason)
        assert message in raised.value.errors["reason"]
        db.session.rollback()
        assert db.session.get(Contract, broken).hidden_at is None


def test_a_reason_at_the_limit_is_kept_whole(app, broken):
    with app.app_context():
        reason = "é" * HIDDEN_REASON_CHARS
        assert hide(broken, "brian", reason).hidden_reason == reason


def test_the_reason_is_checked_only_for_people_who_may_hide_it(app, broken):
    with app.app_context(), pytest.raises(Forbidden):
        hide(broken, "hana", "")


def lands_in_between(monkeypatch, contract_id: int, **values) -> None:
    """Another worker's hiding commits between our check and our UPDATE (once)."""
    checked = policy.check_hiding

    def check_then_lose(user, contract, action, *, needs_fixing):
        checked(user, contract, action, needs_fixing=needs_fixing)
        monkeypatch.setattr(policy, "check_hiding", checked)
        with db.engine.begin() as other:  # its own connection, as another worker has
            hiding = {"hidden_at": utcnow()} | values
            other.execute(update(Contract).where(Contract.id == contract_id).values(**hiding))

    monkeypatch.setattr(policy, "check_hiding", check_then_lose)


def test_a_hide_that_lands_first_wins_and_the_loser_is_told(app, cast, broken, monkeypatch):
    with app.app_context():
        lands_in_between(monkeypatch, broken, hidden_by_id=cast["ada"], hidden_reason="First")
        with pytest.raises(Conflict, match=r"already hidden \(by Ada Okafor\)"):
            hide(broken, "brian", "Second")
        contract = db.session.get(Contract, broken)
        assert (contract.hidden_by_id, contract.hidden_reason) == (cast["ada"], "First")


def test_showing_it_again_never_undoes_an_admins_hiding_made_meanwhile(
    app, cast, broken, monkeypatch
):
    with app.app_context():
        hide(broken, "ada")
        db.session.commit()
        lands_in_between(monkeypatch, broken, hidden_by_id=cast["mentor"], hidden_reason="Spam")
        with pytest.raises(Forbidden, match="only an admin"):
            lifecycle.unhide(broken, _user("brian"))
        assert db.session.get(Contract, broken).hidden_by_id == cast["mentor"]


def test_ten_teammates_hiding_at_once_one_wins(app, make_user, cast, broken):
    names = [f"mate{i}" for i in range(10)]
    with app.app_context():
        for name in names:
            make_user(name, track="backend")
            post(_user(name).id, path=f"/api/v1/{name}")  # each a teammate in the project
    start = threading.Barrier(len(names))

    def attempt(name: str) -> str:
        with app.app_context():
            start.wait()
            try:
                hide(broken, name, f"Hidden by {name}")
                db.session.commit()
                return "won"
            except Conflict as refused:
                return "lost" if "already hidden" in refused.message else refused.message
            finally:
                db.session.remove()

    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        outcomes = list(pool.map(attempt, names))
    assert sorted(outcomes) == ["lost"] * 9 + ["won"]
    with app.app_context():
        winner = names[outcomes.index("won")]
        assert db.session.get(Contract, broken).hidden_reason == f"Hidden by {winner}"


def test_the_board_keeps_it_for_those_who_may_show_it_again(app, cast, make_user, broken):
    """The board's SQL and the policy's roles agree, for every kind of viewer."""
    make_user("olu", track="backend")  # a backend learner outside the project
    with app.app_context():
        hide(broken, "ada")
        db.session.commit()
        contract = db.session.get(Contract, broken)
        seen = {}
        for username in ("ada", "brian", "gabriel", "hana", "mentor", "olu"):
            viewer = _user(username)
            ids = {c.id for column in queries.board(BoardFilters(), viewer)
                   for c in column.items}  # fmt: skip
            by_policy = policy.role_of(viewer, contract) in policy.SEES_HIDDEN
            assert (broken in ids) == by_policy, username
            counted = sum(queries.status_counts(None, viewer).values())
            assert counted == len(ids), username
            seen[username] = broken in ids
        assert seen == {"ada": True, "brian": True, "mentor": True,
                        "gabriel": False, "hana": False, "olu": False}  # fmt: skip
        assert broken not in {c.id for c in queries.board(BoardFilters(), None)[0].items}
        assert broken not in {c.id for c in queries.recent_contracts(10)}


def test_its_claimer_keeps_it_on_their_dashboard(app, cast, broken):
    with app.app_context():
        lifecycle.claim(broken, _user("gabriel"))
        db.session.commit()
        hide(broken, "ada")
        db.session.commit()
        (held,) = queries.claims_of(cast["gabriel"])
        assert (held.id, held.hider_name) == (broken, "Ada Okafor")
        assert policy.may_open(_user("gabriel"), held)
        assert not policy.may_open(_user("hana"), held)
        assert broken in {c.id for c in queries.contracts_by(cast["brian"])}


def test_the_export_and_mocks_read_only_what_shows(app, broken):
    with app.app_context():
        hide(broken, "ada")
        db.session.commit()
        _project, contracts = queries.project_with_contracts("e-commerce-api")
        assert [c.path for c in contracts] == ["/api/v1/products/{id}"]
