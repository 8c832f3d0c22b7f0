"""Prometheus metrics at `/metrics`: requests, latency and SQL statements per endpoint.

Off unless `METRICS_TOKEN` is set; a scraper then sends it as a bearer token, and anyone else
gets a 404 as if there were no such page. With several gunicorn workers each one writes its
numbers to files in `PROMETHEUS_MULTIPROC_DIR` (gunicorn.conf.py sets and clears the folder),
and whichever worker answers the scrape adds up all of them: no number lives in one process.
prometheus-client is imported only once metrics are on, after that variable is set, because it
picks its multi-process mode when first imported.
"""

import functools
import hmac
import os
import time
from types import SimpleNamespace

from flask import Flask, abort, current_app, g, has_request_context, request
from sqlalchemy import event
from werkzeug.wrappers import Response

from ..extensions import db

MULTIPROCESS = "PROMETHEUS_MULTIPROC_DIR"
# Seconds; most pages answer in 5-200 ms, the backstop timeout is 30 s.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)


def enabled() -> bool:
    return bool(current_app.config["METRICS_TOKEN"])


@functools.cache
def instruments() -> SimpleNamespace:
    """The metrics, made once per process (their values live in the shared files when
    several workers serve)."""
    from prometheus_client import Counter, Histogram

    labels = ["endpoint"]
    return SimpleNamespace(
        requests=Counter(
            "nexus_http_requests", "Requests answered", ["method", "endpoint", "status"]
        ),
        seconds=Histogram(
            "nexus_http_request_duration_seconds", "Time to answer", labels, buckets=BUCKETS
        ),
        statements=Counter("nexus_sql_statements", "SQL statements sent", labels),
    )


def init_app(app: Flask) -> None:
    if not app.config["METRICS_TOKEN"]:
        return
    instruments()
    app.before_request(_start)
    app.after_request(_record)
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", _count_statement)


def _start() -> None:
    g.metrics_started, g.sql_statements = time.perf_counter(), 0


def _count_statement(*_) -> None:
    if has_request_context() and "sql_statements" in g:
        g.sql_statements += 1


def _record(response: Response) -> Response:
    if "metrics_started" not in g:  # refused before the view's hooks ran
        return response
    endpoint = request.endpoint or "none"  # no route: one label, whatever the path
    found = instruments()
    found.requests.labels(request.method, endpoint, str(response.status_code)).inc()
    found.seconds.labels(endpoint).observe(time.perf_counter() - g.metrics_started)
    found.statements.labels(endpoint).inc(g.sql_statements)
    return response


def exposition() -> Response:
    """The metrics in Prometheus' text format, for a scraper that sent the token."""
    token = current_app.config["METRICS_TOKEN"]
    sent = request.headers.get("Authorization", "").removeprefix("Bearer ")
    if not token or not hmac.compare_digest(sent.encode(), token.encode()):
        abort(404)
    from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
    from prometheus_client.multiprocess import MultiProcessCollector

    registry = REGISTRY
    if os.environ.get(MULTIPROCESS):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
    return Response(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
