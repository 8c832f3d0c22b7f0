"""Names that cannot impersonate: normalised, nothing invisible, no lookalikes, a badge no name
can fake."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nexus_board.auth import names
from nexus_board.errors import Invalid
from nexus_board.extensions import db
from nexus_board.models import User

from .conftest import PASSWORD


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("𝐀𝐝𝐚 Okafor", "Ada Okafor"),  # mathematical bold: NFKC
        ("Ａｄａ", "Ada"),  # full width
        ("Ada\u200b Okafor", "Ada Okafor"),  # zero-width space
        ("Ada\u202eOkafor\u202c", "AdaOkafor"),  # right-to-left override
        ("\u2066Ada\u2069", "Ada"),  # isolates
        ("Ada\u00adOkafor", "AdaOkafor"),  # soft hyphen
        ("A\u200dda \ufeff Okafor", "Ada Okafor"),  # joiner, BOM
        ("Ada\u3164Okafor", "AdaOkafor"),  # Hangul filler
        ("  Ada   Okafor ", "Ada Okafor"),
    ],
)
def test_names_are_normalised_and_lose_what_nobody_can_see(typed, stored):
    assert names.clean_name(typed) == stored


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Grace Mentor", "Grасе Mentor"),  # Cyrillic а, с, е
        ("Grace Mentor", "grace rnentor"),  # rn for m, any case
        ("Ada Okafor", "Ada 0kafor"),  # zero for O
        ("Bill", "Bi11"),
        ("Ada Okafor", "Ada.Okafor"),
        ("Ada Okafor", "ADA OKAFOR"),
    ],
)
def test_lookalike_names_share_a_key(one, other):
    assert names.name_key(one) == names.name_key(other)


@pytest.mark.parametrize(("one", "other"), [("Ada", "Ida"), ("José", "Jose"), ("Chioma", "Chiamo")])
def test_different_names_keep_different_keys(one, other):
    assert names.name_key(one) != names.name_key(other)


@given(st.text(max_size=80))
def test_keys_are_computed_for_any_text(text):
    key = names.name_key(names.clean_name(text))
    assert isinstance(key, str) and len(key) <= 320


def register(app, username, display_name, role="learner"):
    from nexus_board.auth import services

    with app.app_context():
        try:
            user = services.register(
                username=username,
                display_name=display_name,
                password=PASSWORD,
                track="frontend",
                role=role,
            )
        except Invalid as error:
            db.session.rollback()
            return error.errors
        db.session.commit()
        return user.display_name


@pytest.mark.parametrize(
    "name",
    ["Grасе Mentor", "grace rnentor", "Ada Okafor", "ADA 0KAFOR", "mentor", "Grace Mentor ✓"],
)
def test_a_name_like_an_admins_or_another_learners_is_refused(app, cast, name):
    errors = register(app, "newcomer", name)
    assert "looks too much like" in errors.get("display_name", "") or "badge" in str(errors)


@pytest.mark.parametrize("name", ["Ada (Admin)", "Hana the Moderator", "MENTOR Ana", "Staff"])
def test_a_learner_cannot_write_the_badge_into_their_name(app, cast, name):
    errors = register(app, "newcomer", name)
    assert "mentor badge" in errors["display_name"]


def test_admins_may_be_called_mentor(app):
    assert register(app, "grace", "Grace the Mentor", role="admin") == "Grace the Mentor"


def test_a_username_like_another_is_refused(app, cast):
    errors = register(app, "rnentor", "Someone New")
    assert "looks too much like" in errors["username"]


def test_invisible_characters_never_reach_the_database(app, cast):
    assert register(app, "newcomer", "Zo\u200bë\u202e Ray") == "Zoë Ray"


def test_settings_refuse_a_lookalike_and_keep_the_own_name(app, cast, client_as):
    ada = client_as("ada")
    taken = ada.post("/settings", data={"display_name": "Hаna Tesfaye", "track": "backend"})
    assert taken.status_code == 422 and "looks too much like" in taken.get_data(as_text=True)
    own = ada.post("/settings", data={"display_name": "ADA OKAFOR", "track": "backend"})
    assert own.status_code == 303
    with app.app_context():
        assert db.session.get(User, cast["ada"]).display_name == "ADA OKAFOR"


def test_admins_carry_a_badge_that_names_cannot_make(app, cast, client_as, make_update):
    make_update(cast["mentor"], "Office hours at 5")
    make_update(cast["ada"], "Shipped")
    page = app.test_client().get("/updates").get_data(as_text=True)
    assert page.count('class="badge badge-mentor"') == 1
    profile = app.test_client().get("/u/mentor").get_data(as_text=True)
    assert 'class="badge badge-mentor"' in profile
    assert 'class="badge badge-mentor"' not in app.test_client().get("/u/ada").get_data(
        as_text=True
    )
