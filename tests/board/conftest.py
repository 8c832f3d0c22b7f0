"""Board fixtures: the cast (who is who relative to a contract) and contracts to act on."""

import pytest

from nexus_board.extensions import db
from nexus_board.models import User

from .factories import post


@pytest.fixture
def people(make_user):
    """User ids: ada and brian (backend), gabriel and hana (frontend), mentor (admin)."""
    return {
        "ada": make_user("ada", track="backend", display_name="Ada Okafor"),
        "brian": make_user("brian", track="backend", display_name="Brian Mwangi"),
        "gabriel": make_user("gabriel", track="frontend", display_name="Gabriel Nunes"),
        "hana": make_user("hana", track="frontend", display_name="Hana Tesfaye"),
        "mentor": make_user("mentor", track="backend", role="admin", display_name="Grace Mentor"),
    }


@pytest.fixture
def contract(app, people):
    """Make a contract by ada: contract(state="claimed") is claimed by gabriel. Returns its id."""

    def make(state="open", claimer="gabriel", **fields):
        with app.app_context():
            return post(people["ada"], state=state, claimer_id=people[claimer], **fields)

    return make


@pytest.fixture
def user(app):
    """Load a user by id inside an app context: user(id)."""

    def load(user_id):
        return db.session.get(User, user_id)

    return load
