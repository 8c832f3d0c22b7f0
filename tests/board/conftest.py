"""Board fixtures: contracts to act on, made by the cast (see tests/conftest.py)."""

import pytest

from nexus_board.extensions import db
from nexus_board.models import User

from .factories import post


@pytest.fixture
def contract(app, cast):
    """Make a contract by ada: contract(state="claimed") is claimed by gabriel. Returns its id."""

    def make(state="open", claimer="gabriel", **fields):
        with app.app_context():
            return post(cast["ada"], state=state, claimer_id=cast[claimer], **fields)

    return make


@pytest.fixture
def user(app):
    """Load a user by id inside an app context: user(id)."""

    def load(user_id):
        return db.session.get(User, user_id)

    return load
