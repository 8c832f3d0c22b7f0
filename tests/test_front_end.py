"""Without its front-end files the web app refuses to start, and says how to get them;
commands such as `flask db upgrade` still work."""

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from nexus_board import build, create_app

from .conftest import config_for
from .services import ROOT, free_port

# Python code that makes a vendored file go missing, then runs the rest of the snippet.
WITHOUT_VENDOR = "from nexus_board import build; build.VENDORED = ('vendor/not-installed.js',); "
FLASK = WITHOUT_VENDOR + "import sys; from flask.cli import main; sys.argv[0] = 'flask'; main()"
GUNICORN_LOADS = WITHOUT_VENDOR + "import wsgi"  # what `gunicorn wsgi:app` does first


def test_the_missing_vendored_files_are_named(tmp_path):
    assert build.missing_front_end(tmp_path) == list(build.VENDORED)
    for name in build.VENDORED:
        Path(tmp_path, name).parent.mkdir(parents=True, exist_ok=True)
        Path(tmp_path, name).write_text("/* vendored */")
    assert build.missing_front_end(tmp_path) == []


def test_an_app_built_to_serve_refuses_without_them(tmp_path, monkeypatch):
    monkeypatch.setattr(build, "VENDORED", ("vendor/not-installed.js",))
    settings = config_for(tmp_path) | {"TESTING": False}
    with pytest.raises(RuntimeError, match=r"vendor/not-installed\.js: run `make vendor`"):
        create_app(settings)
    with click.Context(click.Command("upgrade")):  # a command, not a server
        assert create_app(settings).static_folder


def python(tmp_path, code, *args, timeout=60):
    env = {
        **os.environ,
        "NEXUS_ENV": "testing",
        "SECRET_KEY": "front-end-test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'nexus.sqlite3'}",
        "CACHE_URL": f"filesystem://{tmp_path / 'cache'}",
        "RATELIMIT_STORAGE_URL": f"nexus+sqlite://{tmp_path / 'ratelimits.sqlite3'}",
        "FLASK_APP": "nexus_board",
    }
    command = [sys.executable, "-c", code, *args]
    return subprocess.run(  # noqa: S603
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def test_flask_run_refuses_to_start_and_says_to_run_make_vendor(tmp_path):
    result = python(tmp_path, FLASK, "run", "--port", str(free_port()))
    assert result.returncode != 0
    assert "vendor/not-installed.js: run `make vendor`" in result.stderr


def test_commands_still_work_without_them(tmp_path):
    result = python(tmp_path, FLASK, "db", "upgrade")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "nexus.sqlite3").exists()


def test_wsgi_app_refuses_to_load_for_gunicorn(tmp_path):
    result = python(tmp_path, GUNICORN_LOADS)
    assert result.returncode != 0
    assert "vendor/not-installed.js: run `make vendor`" in result.stderr
