"""A production server refuses settings that only break once several workers serve."""

import os
import subprocess
import sys

import pytest

from nexus_board import create_app
from nexus_board.operations.startup import problems

from ..conftest import config_for
from ..services import ROOT, free_port

SAFE = {
    "NEXUS_ENV": "production",
    "SECRET_KEY": "a-long-random-production-secret",
    "DEBUG": False,
    "CACHE_TYPE": "RedisCache",
    "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/0",
    "QUEUE_URL": "redis://127.0.0.1:6379/1",
    "WEB_WORKERS": 4,
}


def test_safe_production_settings_pass():
    assert problems(SAFE) == []


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY is empty: set it to a long random value"),
        ({"DEBUG": True}, "Debug mode is on: unset FLASK_DEBUG"),
        (
            {"CACHE_TYPE": "SimpleCache"},
            "keeps the cache inside one worker: set CACHE_URL=redis://",
        ),
        ({"RATELIMIT_STORAGE_URI": "memory://"}, "memory:// counts per worker: set it to redis://"),
        ({"QUEUE_URL": "memory://"}, "inside each of the 4 web workers: set QUEUE_URL=redis://"),
    ],
)
def test_each_unsafe_setting_is_named_with_what_to_set(change, says):
    found = problems(SAFE | change)
    assert len(found) == 1 and says in found[0]


def test_the_development_queue_is_fine_for_one_worker():
    assert problems(SAFE | {"QUEUE_URL": "memory://", "WEB_WORKERS": 1}) == []


def test_development_and_testing_are_not_checked():
    assert problems(SAFE | {"NEXUS_ENV": "development", "DEBUG": True, "SECRET_KEY": ""}) == []


def test_the_app_refuses_to_serve_listing_every_problem(tmp_path):
    settings = config_for(tmp_path) | {"NEXUS_ENV": "production", "TESTING": False}
    settings |= {"CACHE_TYPE": "SimpleCache", "RATELIMIT_STORAGE_URI": "memory://"}
    with pytest.raises(RuntimeError) as refused:
        create_app(settings)
    message = str(refused.value)
    assert message.startswith("Refusing to serve with unsafe production settings:")
    assert "CACHE_TYPE SimpleCache" in message and "RATELIMIT_STORAGE_URL=memory://" in message


def test_commands_still_run_with_those_settings(tmp_path):
    """`flask db upgrade` and backups are one process: nothing to refuse."""
    env = os.environ | {"NEXUS_ENV": "production", "SECRET_KEY": "k" * 32,
                        "DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3",
                        "RATELIMIT_STORAGE_URL": "memory://"}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "nexus_board", "nexus", "--help"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def gunicorn_refusal(tmp_path, env: dict, workers: int) -> str:
    command = [sys.executable, "-m", "gunicorn", "--workers", str(workers)]
    command += ["--bind", f"127.0.0.1:{free_port()}", "wsgi:app"]
    base = {"NEXUS_ENV": "production", "DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3"}
    done = subprocess.run(
        command, cwd=ROOT, env=os.environ | base | env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0, "gunicorn served with unsafe settings"
    return done.stdout + done.stderr


@pytest.mark.services
def test_gunicorn_refuses_without_a_secret_key(tmp_path):
    env = {"SECRET_KEY": ""}
    assert "SECRET_KEY must be set when NEXUS_ENV=production" in gunicorn_refusal(tmp_path, env, 1)


@pytest.mark.services
def test_gunicorn_refuses_debug_and_per_worker_stores(tmp_path):
    env = {"SECRET_KEY": "k" * 32, "FLASK_DEBUG": "1", "RATELIMIT_STORAGE_URL": "memory://",
           "QUEUE_URL": "memory://"}  # fmt: skip
    output = gunicorn_refusal(tmp_path, env, 2)
    assert "Debug mode is on" in output
    assert "RATELIMIT_STORAGE_URL=memory:// counts per worker" in output
    assert "inside each of the 2 web workers" in output  # gunicorn.conf.py told the app
