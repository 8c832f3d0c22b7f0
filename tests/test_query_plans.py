"""On PostgreSQL, the SQL of every page the benchmark measures finds its rows through indexes.

Each page is rendered uncached and every SELECT it sent is EXPLAINed with sequential scans
switched off (on tables this small the planner would rightly scan anyway): a "Seq Scan" left in
the plan means no index can serve that query. The learner lists read `users` through its
(role, display_name) and (role, track) indexes; the directory's search still filters every
learner's name in that index (a substring match no portable index serves); every hideable
table indexes hidden_at. `board_counts` is read whole: one row per status, however many
contracts there are. A page that gains a scan fails.
"""

import re
import secrets

import pytest
from flask_migrate import upgrade
from sqlalchemy import create_engine, event, text

from bench.dataset import Size, fill, landmarks
from bench.rows import PASSWORD
from bench.targets import TARGETS
from nexus_board import create_app
from nexus_board.extensions import db

from .conftest import Client, config_for

PAGES = sorted({(t.path, t.viewer or "") for t in TARGETS})
READ_WHOLE = {"board_counts"}  # as many rows as contract statuses
pytestmark = [
    pytest.mark.services,
    pytest.mark.filterwarnings("ignore:Flask-Caching. CACHE_TYPE is set to NullCache"),
]


@pytest.fixture(scope="module")
def scans(postgres_url, tmp_path_factory):
    """The tables each page's statements scan, by (path, viewer)."""
    name = f"test_{secrets.token_hex(6)}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    url = postgres_url.rsplit("/", 1)[0] + f"/{name}"
    settings = config_for(tmp_path_factory.mktemp("plans")) | {"CACHE_TYPE": "NullCache"}
    app = create_app(settings | {"SQLALCHEMY_DATABASE_URI": url})
    app.test_client_class = Client
    try:
        with app.app_context():
            upgrade()
            fill(Size(learners=20, projects=5, contracts=40, updates=120))
            marks = landmarks()
        yield {page: _scanned(app, page[0].format(**marks), page[1]) for page in PAGES}
    finally:
        with app.app_context():
            db.engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
        admin.dispose()


def _scanned(app, url: str, viewer: str) -> set[str]:
    client = app.test_client()
    if viewer:
        response = client.post("/sign-in", data={"login": viewer, "password": PASSWORD})
        assert response.status_code == 303, f"{viewer} could not sign in"
    assert client.get(url).status_code == 200, url  # warm: what a first visit loads once
    with app.app_context():
        engine = db.engine
    sent = []
    record = lambda _c, _cur, statement, parameters, *_: sent.append((statement, parameters))  # noqa: E731
    event.listen(engine, "before_cursor_execute", record)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", record)
    tables = set()
    with engine.connect() as connection:
        connection.exec_driver_sql("SET enable_seqscan = off")
        for statement, parameters in sent:
            if statement.lstrip().upper().startswith("SELECT"):
                plan = connection.exec_driver_sql(f"EXPLAIN {statement}", parameters).scalars()
                tables.update(re.findall(r"Seq Scan on (\w+)", "\n".join(plan)))
        tables -= READ_WHOLE
        connection.rollback()
    return tables


@pytest.mark.parametrize(("path", "viewer"), PAGES, ids=lambda value: value or "visitor")
def test_every_query_of_a_measured_page_uses_an_index(scans, path, viewer):
    assert scans[path, viewer] == set(), f"{path} as {viewer or 'a visitor'} scans these"
