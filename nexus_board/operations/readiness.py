"""Is this worker ready for traffic? Each part it needs answers a small probe.

`/healthz` stays a liveness check (is the process up and its database reachable); `/readyz` asks
every part: the database, the cache and the task queue (`task_queue_check`). A check returns None
when its part is fine, or a short reason. Other parts join with `add_check(app, name, check)`.
"""

import logging
import secrets
from collections.abc import Callable

from flask import Flask, current_app
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ..extensions import cache, db

log = logging.getLogger(__name__)
CHECKS = "nexus_board.ready_checks"  # in app.extensions: name -> check
Check = Callable[[], str | None]


def database() -> str | None:
    try:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        log.warning("readiness: database unreachable: %s", error.__class__.__name__)
        return "unreachable"
    return None


def shared_cache() -> str | None:
    """The cache stores and returns a value (CACHE_URL=null is a choice, not a failure)."""
    if current_app.config["CACHE_TYPE"] == "NullCache":
        return None
    key, value = f"readyz/{secrets.token_hex(8)}", secrets.token_hex(8)
    try:
        stored = cache.set(key, value, timeout=30) and cache.get(key) == value
        cache.delete(key)
    except Exception as error:  # every backend fails its own way: any failure is "not ready"
        log.warning("readiness: cache unreachable: %s", error.__class__.__name__)
        return "unreachable"
    return None if stored else "does not store values"


def task_queue_check(app: Flask) -> Check | None:
    """The task queue's check: does huey's storage answer (`webhooks.queue.queue_ready`)."""
    from ..webhooks.queue import queue_ready

    return lambda: queue_ready(app)


def init_app(app: Flask) -> None:
    app.extensions[CHECKS] = {"database": database, "cache": shared_cache}
    queue = task_queue_check(app)
    if queue is not None:
        add_check(app, "queue", queue)


def add_check(app: Flask, name: str, check: Check) -> None:
    """Make `check` part of readiness under `name` (e.g. "queue")."""
    app.extensions[CHECKS][name] = check


def report() -> dict[str, str]:
    """Each part's state: "ok", or why it is not ready."""
    results = {}
    for name, check in current_app.extensions[CHECKS].items():
        try:
            problem = check()
        except Exception:
            log.exception("readiness check %s failed", name)
            problem = "check failed"
        results[name] = problem or "ok"
    return results
