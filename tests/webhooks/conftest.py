"""Webhook fixtures: an app that may send to 127.0.0.1 with short retries, webhooks made
through the services, and a worker process (`flask nexus worker`'s code) to kill and restart."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from nexus_board.extensions import db
from nexus_board.models import Delivery, DeliveryState, Project, User
from nexus_board.webhooks import queue, services

from ..conftest import config_for
from ..services import ROOT

FAST = {"attempts": 6, "backoff": 0.2, "backoff_cap": 2.0, "timeout": 5.0, "lease": 2.0,
        "sweep": 500}  # fmt: skip
LOOPBACK = {
    "WEBHOOK_ALLOW_LOOPBACK": True,
    "WEBHOOK_HOSTS": ("127.0.0.1", "discord.com", "hooks.slack.com"),
    "WEBHOOK_DELIVERY": FAST,
}


@pytest.fixture
def queue_url(request, tmp_path):
    """huey's SQLite storage, or its Redis storage for tests marked BOTH_QUEUES."""
    if getattr(request, "param", "sqlite") == "sqlite":
        return f"sqlite://{tmp_path / 'queue.sqlite3'}"
    return request.getfixturevalue("redis_url")


# The same tests on huey's SQLite storage and on its Redis storage.
BOTH_QUEUES = pytest.mark.parametrize("queue_url", ["sqlite", "redis"], indirect=True)


@pytest.fixture
def app(make_app, queue_url):
    """The app that may send to 127.0.0.1, with short retries (cast and clients use it too)."""
    made = make_app(**LOOPBACK, QUEUE_URL=queue_url)
    queue.huey(made).flush()  # a Redis shared by the session's tests starts empty
    return made


def add_hook(app, url: str, *, by: str = "mentor", project: str | None = None, kinds=None,
             format: str = "discord") -> int:  # fmt: skip
    """A cohort webhook (by an admin) or a project's, through the service."""
    with app.app_context():
        creator = db.session.scalar(db.select(User).where(User.username == by))
        home = project and db.session.scalar(db.select(Project).where(Project.name == project))
        kinds = kinds or services.CHANNEL_KINDS
        hook = services.add_webhook(
            creator, name="#nexus", url=url, format=format, kinds=kinds, project=home or None
        )
        db.session.commit()
        return hook.id


def deliveries(app) -> list[Delivery]:
    with app.app_context():
        rows = db.session.scalars(db.select(Delivery).order_by(Delivery.id)).all()
        db.session.expunge_all()
        return rows


def wait_until_settled(app, timeout: float = 60.0) -> list[Delivery]:
    """Wait until no delivery is pending or being sent."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        rows = deliveries(app)
        if rows and all(r.state in (DeliveryState.SENT, DeliveryState.FAILED) for r in rows):
            return rows
        time.sleep(0.2)
    raise AssertionError(f"deliveries never settled: {rows}")


class Worker:
    """The worker in a process of its own, on the test app's settings."""

    def __init__(self, tmp_path, overrides: dict):
        settings = config_for(tmp_path) | overrides
        self.settings = json.dumps({k: list(v) if isinstance(v, tuple) else v
                                    for k, v in settings.items()})  # fmt: skip
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.webhooks.worker_process", self.settings],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return self

    def kill(self):
        """SIGKILL: no chance to finish or tidy anything."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def worker(tmp_path, queue_url):
    """Start with `worker.start()`; stopped after the test."""
    made = Worker(tmp_path, LOOPBACK | {"QUEUE_URL": queue_url})
    yield made
    made.stop()
