"""The board's cards are cached one by one: a write re-renders its own card, and a cached card is
what a fresh render gives, for every kind of viewer."""

from datetime import UTC, date, datetime

import pytest
from flask_login import AnonymousUserMixin, login_user
from flask_wtf.csrf import generate_csrf

from nexus_board.board import card_cache, lifecycle, policy, queries
from nexus_board.board.filters import BoardFilters
from nexus_board.extensions import cache, db
from nexus_board.models import User

from .factories import post
from .test_board_page import counts

VIEWERS = ("visitor", "ada", "brian", "gabriel", "hana", "mentor")


@pytest.fixture
def renders(monkeypatch):
    """How many cards were rendered (not read from the cache) so far."""
    rendered = []
    render = card_cache.render_cards

    def counting(contracts, viewer, permitted=None, token=None):
        rendered.extend(contract.id for contract in contracts)
        return render(contracts, viewer, permitted, token)

    monkeypatch.setattr(card_cache, "render_cards", counting)
    return rendered


@pytest.fixture
def board_of_every_kind(app, cast):
    """Contracts in every state, one claimed by hana, one by brian, one hidden by an admin."""
    with app.app_context():
        ids = [post(cast["ada"], path=f"/open/{n}") for n in range(3)]
        ids.append(post(cast["ada"], state="claimed", claimer_id=cast["gabriel"], path="/c"))
        ids.append(post(cast["ada"], state="in_progress", claimer_id=cast["hana"], path="/p"))
        ids.append(post(cast["ada"], state="done", claimer_id=cast["gabriel"], path="/d"))
        ids.append(post(cast["brian"], path="/brian"))
        hidden = post(cast["ada"], path="/hidden")
        lifecycle.hide(hidden, db.session.get(User, cast["mentor"]), "Moderated")
        db.session.commit()
        return [*ids, hidden]


def test_after_one_claim_the_next_board_renders_only_that_card(
    board_of_every_kind, client_as, renders
):
    gabriel, hana = client_as("gabriel"), client_as("hana")
    assert gabriel.get("/board").status_code == 200
    assert len(renders) == len(board_of_every_kind) - 1  # all but the hidden one
    renders.clear()
    hana.get("/board")  # the open ones are shared; the three either of them holds are not
    assert len(renders) == 3

    claimed = board_of_every_kind[0]
    assert gabriel.post(f"/contracts/{claimed}/claim").status_code == 303
    renders.clear()
    page = gabriel.get("/board").get_data(as_text=True)
    assert renders == [claimed]
    assert counts(page) == {"open": 3, "claimed": 2, "in_progress": 1, "done": 1}

    renders.clear()
    hana.get("/board")  # another frontend learner: the claimed card is new to her kind too
    assert renders == [claimed]


def test_this_process_keeps_the_cards_when_the_shared_cache_loses_them(
    app, board_of_every_kind, client_as, renders
):
    gabriel = client_as("gabriel")
    gabriel.get("/board")
    with app.app_context():
        cache.clear()  # evicted, or another worker's cache: this process still has them
    renders.clear()
    assert gabriel.get("/board").status_code == 200
    assert renders == []


@pytest.mark.parametrize("name", VIEWERS)
def test_a_cached_card_is_what_a_fresh_render_gives(app, cast, board_of_every_kind, name):
    for warmer in VIEWERS:  # every kind of viewer fills the cache first
        with _as(app, cast, warmer) as viewer:
            card_cache.cards(_shown(viewer), viewer)
    with _as(app, cast, name) as viewer:
        contracts = _shown(viewer)
        cached = card_cache.cards(contracts, viewer)
        fresh = card_cache.render_cards(contracts, viewer)
        assert cached == fresh and len(cached) == len(contracts)
        if viewer.is_authenticated:
            assert generate_csrf() in "".join(cached.values())  # this session's own token


class _as:
    """A request in which `name` is signed in (or a visitor)."""

    def __init__(self, app, cast, name):
        self.context = app.test_request_context("/board")
        self.cast, self.name = cast, name

    def __enter__(self):
        self.context.push()
        if self.name == "visitor":
            return AnonymousUserMixin()
        user = db.session.get(User, self.cast[self.name])
        user.session_key = "a-device"  # what auth.devices names; no cookie leaves this request
        login_user(user)
        return user

    def __exit__(self, *exc):
        self.context.pop()


def _shown(viewer):
    return [c for column in queries.board(BoardFilters(), viewer) for c in column.items]


def test_what_a_card_shows_without_a_new_version_moves_its_key(app, cast, board_of_every_kind):
    with _as(app, cast, "gabriel") as viewer:
        contract, key = _shown(viewer)[0], card_cache._keys(viewer)
        keys = [key(contract, policy.allowed(viewer, contract))]
        contract.deprecated_at = datetime.now(UTC)  # a deprecation, as no edit makes it
        keys.append(key(contract, policy.allowed(viewer, contract)))
        contract.sunset = date(2027, 1, 1)
        keys.append(key(contract, policy.allowed(viewer, contract)))
        assert len(set(keys)) == 3 and contract.version == 1
        db.session.rollback()
