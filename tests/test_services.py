"""The app runs on PostgreSQL and Redis as well as on its embedded defaults."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import text

from nexus_board import create_app
from nexus_board.extensions import cache, db

from .conftest import PASSWORD, Client, config_for

pytestmark = pytest.mark.services


def test_migrations_and_sign_up_on_postgresql(tmp_path, postgres_database):
    app = create_app(config_for(tmp_path) | {"SQLALCHEMY_DATABASE_URI": postgres_database})
    app.test_client_class = Client
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert diff == []
    client = app.test_client()
    response = client.post(
        "/sign-up",
        data={"username": "ada", "display_name": "Ada", "password": PASSWORD, "track": "backend"},
    )
    assert response.status_code == 303
    assert client.get("/healthz").json == {"status": "ok", "database": "ok"}
    with app.app_context():
        assert db.session.execute(text("SELECT username FROM users")).scalar() == "ada"
        db.session.remove()
        db.engine.dispose()


def test_redis_cache_and_rate_limits(tmp_path, redis_url):
    settings = {
        "CACHE_TYPE": "RedisCache",
        "CACHE_REDIS_URL": redis_url,
        "RATELIMIT_STORAGE_URI": redis_url,
        "RATELIMIT_ENABLED": True,
    }
    app = create_app(config_for(tmp_path) | settings)
    app.test_client_class = Client
    with app.app_context():
        db.create_all()
        cache.set("probe", 42)
        assert cache.get("probe") == 42
    client = app.test_client()
    login = {"login": "nobody", "password": "wrong password!"}
    statuses = [client.post("/sign-in", data=login).status_code for _ in range(11)]
    assert statuses == [422] * 10 + [429]
