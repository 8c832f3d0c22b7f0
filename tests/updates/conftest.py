"""Fixtures for the updates tests: a small cohort, clients signed in as any of them."""

import html
import re

import pytest

from ..conftest import Auth


@pytest.fixture
def cohort(make_user):
    """ada (backend), gabriel (frontend), mentor (admin): their user ids by username."""
    return {
        "ada": make_user("ada", display_name="Ada Okafor"),
        "gabriel": make_user("gabriel", track="frontend", display_name="Gabriel Nunes"),
        "mentor": make_user("mentor", role="admin", display_name="Grace Mentor"),
    }


@pytest.fixture
def client_as(app, cohort):
    """A new client signed in as one of the cohort: `client_as("ada")`."""

    def make(username):
        client = app.test_client()
        assert Auth(client).sign_in(username).status_code == 303
        return client

    return make


def item_ids(page: str) -> list[int]:
    """The ids of the updates listed in a page or fragment, in order."""
    return [int(n) for n in re.findall(r'<li class="update[^"]*" id="update-(\d+)"', page)]


def older_link(page: str) -> str | None:
    """The URL the infinite-scroll sentinel loads next, if there is one."""
    match = re.search(r'<li class="load-more" hx-get="([^"]+)"', page)
    return html.unescape(match.group(1)) if match else None
