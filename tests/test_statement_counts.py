"""Every page the benchmark measures sends as many SQL statements at two data sizes.

A page whose count grows with the data (a query per card, per update, per learner) fails here,
before it shows in `bench/run`. Counted at the engine, uncached, after one warm-up request.
"""

import pytest
from flask_migrate import upgrade
from sqlalchemy import event

from bench.dataset import Size, fill, landmarks
from bench.rows import PASSWORD
from bench.targets import TARGETS
from nexus_board import create_app
from nexus_board.caching import COPIES
from nexus_board.extensions import db

from .conftest import Client, config_for

SIZES = {
    "small": Size(learners=20, projects=5, contracts=40, updates=120),
    "larger": Size(learners=60, projects=9, contracts=400, updates=1_200),
}
PAGES = sorted({(t.path, t.viewer or "") for t in TARGETS})  # each page once, cached or not
# The most a page may send, where a speed pass brought it down (issue 18's goal: 8 each).
pytestmark = pytest.mark.filterwarnings("ignore:Flask-Caching. CACHE_TYPE is set to NullCache")


@pytest.fixture(scope="module")
def counted(tmp_path_factory):
    """Statements per page, by data size."""
    found = {}
    for name, size in SIZES.items():
        folder = tmp_path_factory.mktemp(name)
        app = create_app(config_for(folder) | {"CACHE_TYPE": "NullCache"})
        app.test_client_class = Client
        with app.app_context():
            upgrade()
            fill(size)
            marks = landmarks()
        found[name] = {
            (path, viewer): _statements(app, path.format(**marks), viewer) for path, viewer in PAGES
        }
        with app.app_context():
            db.engine.dispose()
    return found


def _statements(app, url: str, viewer: str) -> int:
    client = app.test_client()
    if viewer:
        response = client.post("/sign-in", data={"login": viewer, "password": PASSWORD})
        assert response.status_code == 303, f"{viewer} could not sign in"
    assert client.get(url).status_code == 200, url
    # Process copies are trusted for a second, so whether the counted request reads them again
    # would depend on how long the first one took: count the read, as a worker's first view does.
    app.extensions[COPIES].clear()
    with app.app_context():
        engine = db.engine
    statements = []
    record = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", record)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return len(statements)


@pytest.mark.parametrize(("path", "viewer"), PAGES, ids=lambda value: value or "visitor")
def test_statements_do_not_grow_with_the_data(counted, path, viewer):
    small, larger = counted["small"][path, viewer], counted["larger"][path, viewer]
    assert small == larger, f"{path} as {viewer or 'a visitor'}: {small} → {larger} statements"


GOAL = 8  # issue 18: no page above 8 statements
# What each page reached in the speed passes, every process copy cold (a learner's hub adds
# their device, which brings their unread count, to the visitor's 7). A page that gains a
# statement fails here; one that loses one lowers its number.
REACHED = {
    ("/healthz", ""): 1,
    ("/", ""): 7,
    ("/", "ada"): 8,
    ("/updates", ""): 4,
    ("/updates?before={deep_cursor}", ""): 3,
    ("/board", ""): 4,
    ("/board", "gabriel"): 5,
    ("/contracts/{contract}", ""): 4,
    ("/learners", ""): 2,
    ("/learners?q=django", ""): 2,
    ("/u/ada", ""): 4,
    ("/mock/e-commerce-api/api/v1/products/42", ""): 5,  # the mock's spec, read once a second
}


@pytest.mark.parametrize(("path", "viewer"), PAGES, ids=lambda value: value or "visitor")
def test_no_page_sends_more_statements_than_it_reached_nor_than_the_goal(counted, path, viewer):
    found, reached = counted["larger"][path, viewer], REACHED.get((path, viewer), GOAL)
    assert found <= min(reached, GOAL), f"{path} as {viewer or 'a visitor'}: {found} statements"


def test_every_measured_page_has_its_reached_count():
    assert set(REACHED) == set(PAGES)
