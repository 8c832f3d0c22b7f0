"""Helpers for the updates tests: the cast is always there, to sign in as any of them."""

import html
import re

import pytest


@pytest.fixture
def users(app, cast):
    """The cast as loaded users, inside an app context."""
    from nexus_board.extensions import db
    from nexus_board.models import User

    with app.app_context():
        yield {name: db.session.get(User, user_id) for name, user_id in cast.items()}


@pytest.fixture
def client_as(client_as, cast):
    """A new client signed in as one of the cast: `client_as("ada")`."""
    return client_as


def item_ids(page: str) -> list[int]:
    """The ids of the updates listed in a page or fragment, in order."""
    return [int(n) for n in re.findall(r'<li class="update[^"]*" id="update-(\d+)"', page)]


def older_link(page: str) -> str | None:
    """The URL the infinite-scroll sentinel loads next, if there is one."""
    match = re.search(r'<li class="load-more" hx-get="([^"]+)"', page)
    return html.unescape(match.group(1)) if match else None
