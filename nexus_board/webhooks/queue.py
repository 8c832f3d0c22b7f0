"""The task queue that delivers the outbox: huey, on SQLite (the default) or Redis.

huey because it is a small, well-kept queue (since 2011) whose SQLite storage needs no service
and whose Redis storage is for production, with the same tasks on both, scheduled retries and
periodic tasks; Celery needs a broker even on a laptop, RQ needs Redis. The web process only
enqueues; the worker (`flask nexus worker`) is the only process that sends.

The outbox rows are the truth: a task only names a row (by its idempotency key). A task lost
with a killed worker, or never enqueued because the queue was down at commit, is found again
by the sweep (at the worker's start and every minute).
"""

import logging
from urllib.parse import urlsplit

from flask import Flask, current_app
from huey import RedisHuey, SqliteHuey, crontab
from sqlalchemy import event

from ..extensions import db

log = logging.getLogger(__name__)

HUEY = "nexus_board.huey"  # in app.extensions: this app's queue, made on first use
PENDING = "nexus_board.deliveries"  # in session.info: keys to enqueue once it commits
NAME = "nexus-board"


def init_app(app: Flask) -> None:
    app.extensions[HUEY] = None
    if not event.contains(db.session, "after_commit", _enqueue_committed):
        event.listen(db.session, "after_commit", _enqueue_committed)
        event.listen(db.session, "after_transaction_end", _forget)


def after_commit(keys: list[str]) -> None:
    """Hand the deliveries named `keys` to the queue once the open transaction commits."""
    db.session().info.setdefault(PENDING, []).extend(keys)


def _enqueue_committed(session) -> None:
    for key in session.info.pop(PENDING, None) or []:
        enqueue(key)


def _forget(session, transaction) -> None:
    if transaction.parent is None:  # a rollback: nothing of it is delivered
        session.info.pop(PENDING, None)


def enqueue(key: str, delay: float | None = None) -> None:
    """Ask a worker to try the delivery `key` (after `delay` seconds); never fails a request."""
    try:
        task = huey().tasks["deliver"]
        if delay:
            task.schedule(args=(key,), delay=delay)
        else:
            task(key)
    except Exception:
        log.exception("task queue unavailable; the sweep will send delivery %s", key)


def huey(app: Flask | None = None):
    """This app's huey, with its tasks (made on first use, so apps that never queue open none)."""
    app = app or current_app._get_current_object()
    if app.extensions.get(HUEY) is None:
        app.extensions[HUEY] = _make(app)
    return app.extensions[HUEY]


def queue_ready(app: Flask | None = None) -> str | None:
    """None if the task queue answers, else why not (for a readiness check)."""
    try:
        huey(app).storage.queue_size()
    except Exception as error:
        return f"The task queue ({_where(app)}) does not answer: {error}"
    return None


def _make(app: Flask):
    url = app.config["QUEUE_URL"]
    if url.startswith(("redis://", "rediss://", "unix://")):
        from redis import ConnectionPool  # installed with the production extras

        pool = ConnectionPool.from_url(url, socket_timeout=5, socket_connect_timeout=5)
        queue = RedisHuey(NAME, connection_pool=pool, results=False)
    elif url.startswith("sqlite://"):
        queue = SqliteHuey(NAME, filename=url.removeprefix("sqlite://"), results=False)
    else:
        raise RuntimeError(f"QUEUE_URL must be redis://… or sqlite://<file>, not {url!r}")
    from . import delivery

    def deliver(key):
        with app.app_context():
            delivery.deliver(key)

    def sweep():
        with app.app_context():
            delivery.sweep()

    queue.tasks = {
        "deliver": queue.task(name="deliver")(deliver),
        "sweep": queue.periodic_task(crontab(minute="*"), name="sweep")(sweep),
    }
    return queue


def run_worker(app: Flask, workers: int = 2) -> None:
    """Run the consumer until it is told to stop (SIGINT finishes the tasks under way)."""
    queue = huey(app)
    consumer = queue.create_consumer(
        workers=workers, worker_type="thread", periodic=True, max_delay=1.0
    )
    # What a stopped or killed worker left: now, and again once its leases have run out.
    queue.tasks["sweep"]()
    queue.tasks["sweep"].schedule(delay=app.config["WEBHOOK_DELIVERY"]["lease"] + 1)
    log.info("webhook worker: %d threads on %s", workers, _where(app))
    consumer.run()


def _where(app: Flask | None) -> str:
    parts = urlsplit((app or current_app).config["QUEUE_URL"])
    path = parts.path if parts.scheme == "sqlite" else ""
    return f"{parts.scheme}://{parts.hostname or ''}{path}"
