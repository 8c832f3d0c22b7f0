"""Rate limits live in storage every worker shares, and answer 429 with a clear page."""

import time

from nexus_board.ratelimits import SQLiteStorage

from .conftest import PASSWORD


def test_sqlite_storage_counts_within_a_window_and_resets(tmp_path):
    storage = SQLiteStorage(f"nexus+sqlite://{tmp_path / 'limits.sqlite3'}")
    assert [storage.incr("k", expiry=1) for _ in range(3)] == [1, 2, 3]
    assert storage.get("k") == 3
    assert storage.get_expiry("k") > time.time()
    time.sleep(1.05)
    assert storage.get("k") == 0
    assert storage.incr("k", expiry=1) == 1
    storage.clear("k")
    assert storage.get("k") == 0
    assert storage.check()


def test_two_storages_on_one_file_share_counters(tmp_path):
    # Two gunicorn workers each open their own connection to the same file.
    url = f"nexus+sqlite://{tmp_path / 'limits.sqlite3'}"
    one, two = SQLiteStorage(url), SQLiteStorage(url)
    one.incr("shared", expiry=60)
    assert two.incr("shared", expiry=60) == 2


def test_sign_in_is_rate_limited_with_a_429_page(make_app):
    app = make_app(RATELIMIT_ENABLED=True)
    client = app.test_client()
    client.post(
        "/sign-up",
        data={"username": "ada", "display_name": "Ada", "password": PASSWORD, "track": "backend"},
    )
    client.post("/sign-out")
    statuses = [
        client.post("/sign-in", data={"login": "ada", "password": "wrong password!"}).status_code
        for _ in range(11)
    ]
    assert statuses[:10] == [422] * 10
    assert statuses[10] == 429
    response = client.post("/sign-in", data={"login": "ada", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many requests" in response.get_data(as_text=True)
    assert "Retry-After" in response.headers
