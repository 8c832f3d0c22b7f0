"""GraphQL fixtures: the shop project with its first schema, made by ada."""

import pytest

from .factories import upload


@pytest.fixture
def shop(app, cast):
    """The shop project at schema version 1 (uploaded by ada); returns the cast."""
    with app.app_context():
        upload(cast["ada"])
    return cast
