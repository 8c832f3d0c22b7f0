"""Fixtures shared by every test: a fresh app per test, clients, users and a query counter."""

import contextlib
import secrets

import pytest
from flask import session
from flask.testing import FlaskClient
from flask_wtf.csrf import generate_csrf
from sqlalchemy import event

from nexus_board import create_app
from nexus_board.auth import services as accounts
from nexus_board.extensions import db

PASSWORD = "correct horse battery staple"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def config_for(tmp_path) -> dict:
    """Settings for an app on its own SQLite file and file-system cache under `tmp_path`."""
    return {
        "TESTING": True,
        "NEXUS_ENV": "testing",
        "SECRET_KEY": "test-secret-key",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'test.sqlite3'}",
        "CACHE_TYPE": "FileSystemCache",
        "CACHE_DIR": str(tmp_path / "cache"),
        "RATELIMIT_STORAGE_URI": f"nexus+sqlite://{tmp_path / 'ratelimits.sqlite3'}",
        "RATELIMIT_ENABLED": False,  # tests of limits switch it on
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",  # fast; production uses scrypt
        "QUEUE_URL": f"sqlite://{tmp_path / 'queue.sqlite3'}",
    }


class Client(FlaskClient):
    """A test client that sends the CSRF header on unsafe requests, as our htmx pages do.

    Pass `csrf=False` to send none.
    """

    def open(self, *args, csrf=True, **kwargs):
        method = kwargs.get("method", "GET").upper()
        if csrf and method in UNSAFE:
            headers = dict(kwargs.pop("headers", None) or {})
            headers.setdefault("X-CSRFToken", self.csrf_token())
            kwargs["headers"] = headers
        return super().open(*args, **kwargs)

    def csrf_token(self) -> str:
        """A valid token for this client's session (created in the session if needed)."""
        with self.session_transaction() as sess:
            raw = sess.setdefault("csrf_token", secrets.token_hex(20))
        with self.application.test_request_context():
            session["csrf_token"] = raw
            return generate_csrf()


@pytest.fixture
def make_app(tmp_path):
    """Build a test app with its tables, changing settings: make_app(RATELIMIT_ENABLED=True).

    `tables=False` leaves its database as it is (for migrations and restores)."""
    made = []

    def make(*, tables=True, **overrides):
        app = create_app(config_for(tmp_path) | overrides)
        app.test_client_class = Client
        if tables:
            with app.app_context():
                db.create_all()
        made.append(app)
        return app

    yield make
    for app in made:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make_user(app):
    """Create an account directly through the service: make_user('ada', track='backend')."""

    def make(username="learner", *, track="backend", role="learner", email=None, **extra):
        with app.app_context():
            user = accounts.register(
                username=username,
                display_name=extra.pop("display_name", username.title()),
                password=extra.pop("password", PASSWORD),
                track=track,
                email=email,
                role=role,
            )
            db.session.commit()
            return user.id

    return make


class Auth:
    """Signs a client in and out through the real endpoints."""

    def __init__(self, client):
        self.client = client

    def sign_in(self, login="learner", password=PASSWORD, **extra):
        """Sign in, and fail the test here if that did not work."""
        response = self.attempt(login, password, **extra)
        assert response.status_code == 303, f"signing in as {login!r} failed"
        with self.client.session_transaction() as sess:
            assert "_user_id" in sess, f"signing in as {login!r} left no session"
        return response

    def attempt(self, login, password=PASSWORD, **extra):
        """Post the sign-in form, whatever comes of it."""
        return self.client.post("/sign-in", data={"login": login, "password": password, **extra})

    def sign_out(self):
        return self.client.post("/sign-out")


@pytest.fixture
def auth(client):
    return Auth(client)


@pytest.fixture
def signed_in(client, auth, make_user):
    """A client signed in as backend learner `learner`."""
    make_user("learner", track="backend")
    auth.sign_in("learner")
    return client


# The cast most tests need: username -> (display name, track, role).
CAST = {
    "ada": ("Ada Okafor", "backend", "learner"),
    "brian": ("Brian Mwangi", "backend", "learner"),
    "gabriel": ("Gabriel Nunes", "frontend", "learner"),
    "hana": ("Hana Tesfaye", "frontend", "learner"),
    "mentor": ("Grace Mentor", "backend", "admin"),
}


@pytest.fixture
def cast(make_user):
    """User ids: ada and brian (backend), gabriel and hana (frontend), mentor (admin).

    Each has the email <username>@example.com and the password PASSWORD.
    """
    return {
        name: make_user(
            name, display_name=display, track=track, role=role, email=f"{name}@example.com"
        )
        for name, (display, track, role) in CAST.items()
    }


@pytest.fixture
def client_as(app):
    """A new client signed in as an existing user: `client_as("ada")`."""

    def make(username):
        client = app.test_client()
        Auth(client).sign_in(username)
        return client

    return make


@pytest.fixture
def count_queries(app):
    """Count SQL statements sent to the engine: `with count_queries() as queries: ...`."""

    @contextlib.contextmanager
    def counting():
        statements = []

        def record(conn, cursor, statement, parameters, context, executemany):
            statements.append(statement)

        with app.app_context():
            engine = db.engine
        event.listen(engine, "before_cursor_execute", record)
        try:
            yield statements
        finally:
            event.remove(engine, "before_cursor_execute", record)

    return counting


@pytest.fixture(scope="session")
def postgres_url():
    """A PostgreSQL server for this test session (started here, on 127.0.0.1)."""
    from .services import postgres

    with postgres() as url:
        yield url


@pytest.fixture
def postgres_database(postgres_url):
    """A fresh, empty PostgreSQL database for one test; yields its URL and drops it after."""
    from sqlalchemy import create_engine, text

    name = f"test_{secrets.token_hex(6)}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    yield postgres_url.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture(scope="session")
def redis_url():
    """A Redis server for this test session (started here, on 127.0.0.1)."""
    from .services import redis

    with redis() as url:
        yield url


@pytest.fixture
def make_update(app):
    """Post an update through the service: make_update(user_id, "text #tag", created_at=...).

    Like every write through a service, its commit retires the cached pages that show updates.
    """

    def make(author_id, body="Working on the API #django", *, created_at=None, **options):
        from nexus_board.models import User
        from nexus_board.updates.services import post_update

        with app.app_context():
            update = post_update(db.session.get(User, author_id), body, **options)
            if created_at is not None:
                update.created_at = created_at
            db.session.commit()
            return update.id

    return make


@pytest.fixture
def learner(app, make_user):
    """A backend learner `ada` in the database, loaded inside an app context."""
    from nexus_board.models import User

    user_id = make_user("ada", display_name="Ada Okafor")
    with app.app_context():
        yield db.session.get(User, user_id)
