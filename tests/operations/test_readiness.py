"""/readyz asks the database, the cache and the queue; 503 names the part that fails."""

import pytest

from nexus_board.operations import readiness

from ..services import postgres, redis


def test_ready_when_every_part_answers(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    checks = {"database": "ok", "cache": "ok", "queue": "ok"}
    assert response.json == {"status": "ready", "checks": checks}
    assert "Set-Cookie" not in response.headers


def test_a_failing_queue_check_makes_it_unready(app, client):
    readiness.add_check(app, "queue", lambda: "no consumer has run for 5 minutes")
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json["failing"] == ["queue"]
    assert response.json["checks"]["queue"] == "no consumer has run for 5 minutes"
    assert response.json["checks"]["database"] == "ok"


def test_a_check_that_raises_is_a_failing_part(app, client):
    def broken():
        raise ConnectionError("queue storage gone")

    readiness.add_check(app, "queue", broken)
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json["checks"]["queue"] == "check failed"


def test_healthz_stays_one_cheap_query(client, count_queries):
    with count_queries() as statements:
        assert client.get("/healthz").status_code == 200
    assert statements == ["SELECT 1"]


@pytest.mark.services
def test_database_down(tmp_path, app_on):
    with postgres() as url:
        app = app_on(url)
        assert app.test_client().get("/readyz").status_code == 200
    response = app.test_client().get("/readyz")  # the server is stopped now
    assert response.status_code == 503
    assert response.json["failing"] == ["database"]
    assert response.json["checks"] == {"database": "unreachable", "cache": "ok", "queue": "ok"}


@pytest.mark.services
def test_redis_down(app_on, sqlite_url):
    with redis() as url:
        app = app_on(sqlite_url("app"), CACHE_TYPE="RedisCache", CACHE_REDIS_URL=url,
                     CACHE_OPTIONS={"socket_timeout": 1, "socket_connect_timeout": 1})  # fmt: skip
        assert app.test_client().get("/readyz").status_code == 200
    response = app.test_client().get("/readyz")  # Redis is stopped now
    assert response.status_code == 503
    assert response.json["failing"] == ["cache"]
    assert response.json["checks"] == {"database": "ok", "cache": "unreachable", "queue": "ok"}


def test_the_task_queue_hook_joins_readiness(monkeypatch, make_app):
    monkeypatch.setattr(readiness, "task_queue_check", lambda app: lambda: "does not answer")
    response = make_app().test_client().get("/readyz")
    assert response.status_code == 503
    assert response.json["failing"] == ["queue"]
    assert response.json["checks"]["queue"] == "does not answer"


def test_queue_down(make_app):
    app = make_app(QUEUE_URL="redis://127.0.0.1:1/0")  # nothing listens on port 1
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.json["failing"] == ["queue"]
    assert "does not answer" in response.json["checks"]["queue"]
