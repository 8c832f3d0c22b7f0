"""Apps on databases of either engine, for the operations tests."""

import secrets

import pytest
from sqlalchemy import create_engine, text


@pytest.fixture
def app_on(make_app):
    """An app on a database URL, its tables not made: app_on("sqlite:///…")."""
    return lambda url, **settings: make_app(tables=False, SQLALCHEMY_DATABASE_URI=url, **settings)


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
