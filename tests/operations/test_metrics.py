"""/metrics: off by default, never public, and the sum of every worker's numbers."""

import json
import re

import httpx
import pytest

from ..services import free_port, gunicorn

TOKEN = "scrape-token-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def sample(text: str, name: str, **labels) -> float:
    """The value of one series in Prometheus' text format (0 if absent)."""
    total = 0.0
    for line in text.splitlines():
        match = re.fullmatch(rf"{name}\{{(.*)\}} (\S+)", line)
        if match and all(f'{k}="{v}"' in match.group(1) for k, v in labels.items()):
            total += float(match.group(2))
    return total


def test_off_unless_a_token_is_set(client):
    assert client.get("/metrics", headers=AUTH).status_code == 404


def test_a_scrape_without_the_token_finds_nothing(make_app):
    client = make_app(METRICS_TOKEN=TOKEN).test_client()
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 404


def test_requests_and_statements_are_counted_per_endpoint(make_app):
    client = make_app(METRICS_TOKEN=TOKEN).test_client()
    before = client.get("/metrics", headers=AUTH).get_data(as_text=True)
    for _ in range(3):
        client.get("/healthz")
    after = client.get("/metrics", headers=AUTH)
    assert after.status_code == 200 and after.mimetype == "text/plain"
    text = after.get_data(as_text=True)
    series = {"name": "nexus_http_requests_total", "endpoint": "hub.healthz", "status": "200"}
    name = series.pop("name")
    assert sample(text, name, **series) - sample(before, name, **series) == 3
    statements = "nexus_sql_statements_total"
    assert (
        sample(text, statements, endpoint="hub.healthz")
        - sample(before, statements, endpoint="hub.healthz")
        == 3
    )  # one SELECT 1 each
    assert "nexus_http_request_duration_seconds_bucket" in text


@pytest.mark.services
def test_gunicorn_workers_add_up_and_every_log_line_is_json(tmp_path):
    """Two workers, LOG_FORMAT=json: whichever answers the scrape counts both workers' requests,
    and every line gunicorn and the app write is a JSON object with a request id (the cache is
    a Redis nobody runs, so /readyz logs a warning from inside its request)."""
    env = {"NEXUS_ENV": "production", "SECRET_KEY": "k" * 32, "METRICS_TOKEN": TOKEN,
           "DATABASE_URL": f"sqlite:///{tmp_path}/m.sqlite3", "LOG_FORMAT": "json",
           "CACHE_URL": f"redis://127.0.0.1:{free_port()}/0", "TRUSTED_PROXIES": "1",
           "RATELIMIT_STORAGE_URL": f"nexus+sqlite://{tmp_path}/limits.sqlite3"}  # fmt: skip
    output = tmp_path / "gunicorn.log"
    with gunicorn(env, workers=2, output=output) as url, httpx.Client(base_url=url) as http:
        count = lambda: sample(http.get("/metrics", headers=AUTH).text,  # noqa: E731
                               "nexus_http_requests_total", endpoint="hub.healthz")  # fmt: skip
        before = count()
        ids = [http.get("/healthz").headers["X-Request-ID"] for _ in range(40)]
        sent = http.get("/healthz", headers={"X-Request-ID": "nginx-0123456789"})
        assert sent.headers["X-Request-ID"] == "nginx-0123456789"
        assert count() - before == 41
        unready = http.get("/readyz").headers["X-Request-ID"]
    lines = _lines(output)
    access = [line for line in lines if line.get("logger") == "gunicorn.access"]
    assert {"nginx-0123456789", *ids} <= {line["request_id"] for line in access}
    assert all("request_id" in line and "time" in line for line in lines)
    assert any(line["path"] == "/healthz" and line["status"] == "200" for line in access)
    warned = [line for line in lines if line["logger"] == "nexus_board.operations.readiness"]
    assert [line["request_id"] for line in warned] == [unready]


def _lines(path) -> list[dict]:
    text = path.read_text()
    lines = [line for line in text.splitlines() if line.strip()]
    parsed = []
    for line in lines:
        try:
            parsed.append(json.loads(line))
        except ValueError:
            pytest.fail(f"not a JSON log line: {line!r}")
    return parsed
