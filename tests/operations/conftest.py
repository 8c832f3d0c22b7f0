"""Apps on databases of either engine, for the operations tests."""

import secrets

import pytest
from sqlalchemy import create_engine, text

from nexus_board import create_app
from nexus_board.extensions import db

from ..conftest import Client, config_for


@pytest.fixture
def app_on(tmp_path):
    """An app on a database URL (no tables made): app_on("sqlite:///…")."""
    made = []

    def make(url: str, **settings):
        app = create_app(config_for(tmp_path) | {"SQLALCHEMY_DATABASE_URI": url} | settings)
        app.test_client_class = Client
        made.append(app)
        return app

    yield make
    for app in made:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def sqlite_url(tmp_path):
    """A new SQLite file's URL each call: sqlite_url("source")."""
    return lambda name: f"sqlite:///{tmp_path / name}.sqlite3"


@pytest.fixture
def new_postgres_database(postgres_url):
    """Fresh, empty PostgreSQL databases, as many as a test asks for; dropped after it."""
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    names = []

    def make() -> str:
        name = f"test_{secrets.token_hex(6)}"
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name}"))
        names.append(name)
        return postgres_url.rsplit("/", 1)[0] + f"/{name}"

    yield make
    with admin.connect() as connection:
        for name in names:
            connection.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
    admin.dispose()
