"""The task queue's settings and health: where it lives, and `queue_ready()` for readiness."""

from pathlib import Path

import pytest

from nexus_board.config import load_config
from nexus_board.webhooks import queue


def test_the_queue_lives_beside_a_redis_cache_else_in_a_sqlite_file(monkeypatch, tmp_path):
    monkeypatch.delenv("QUEUE_URL", raising=False)
    monkeypatch.setenv("CACHE_URL", "redis://127.0.0.1:6379/3")
    assert load_config(str(tmp_path), {})["QUEUE_URL"] == "redis://127.0.0.1:6379/3"
    monkeypatch.delenv("CACHE_URL")
    assert load_config(str(tmp_path), {})["QUEUE_URL"] == f"sqlite://{tmp_path / 'queue.sqlite3'}"
    monkeypatch.setenv("QUEUE_URL", "redis://queue.internal:6379/1")
    assert load_config(str(tmp_path), {})["QUEUE_URL"] == "redis://queue.internal:6379/1"


def test_queue_ready_says_none_when_it_answers_and_why_when_not(app, make_app):
    assert queue.queue_ready(app) is None
    assert Path(app.config["QUEUE_URL"].removeprefix("sqlite://")).exists()
    down = make_app(QUEUE_URL="redis://127.0.0.1:1/0")
    reason = queue.queue_ready(down)
    assert reason.startswith("The task queue (redis://127.0.0.1) does not answer")


def test_an_unknown_queue_url_is_a_clear_error(make_app):
    with pytest.raises(RuntimeError, match="QUEUE_URL must be redis://… or sqlite://<file>"):
        queue.huey(make_app(QUEUE_URL="amqp://broker"))


def test_a_commit_with_the_queue_down_still_commits_and_the_sweep_sends_later(make_app, cast):
    from nexus_board.extensions import db
    from nexus_board.models import Delivery, User
    from nexus_board.webhooks import delivery, services

    from ..board.factories import post

    app = make_app(QUEUE_URL="redis://127.0.0.1:1/0")
    with app.app_context():
        mentor = db.session.get(User, cast["mentor"])
        services.add_webhook(mentor, name="#all", url="https://chat.example.org/h",
                             format="slack", kinds=["contract.posted"])  # fmt: skip
        db.session.commit()
        post(cast["ada"])  # its delivery cannot be queued: logged, not raised
        assert db.session.scalar(db.select(db.func.count()).select_from(Delivery)) == 1
        assert delivery.sweep() == 1  # found again (and offered to the queue again)
