"""What this build is: its version and a fingerprint of what it serves, and whether it can serve.

The fingerprint leads every cache key, ETag and poll marker (see `caching.py`), so a page cached
by the previous deploy, or a 304 for its ETag, is never served by the next one.
"""

import hashlib
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import click
from flask import Flask
from flask.cli import run_command

# Copied from npm by `make vendor`; the pages are dead without them (no htmx, no Swagger UI).
VENDORED = (
    "vendor/htmx.min.js",
    "vendor/swagger-ui/swagger-ui-bundle.js",
    "vendor/swagger-ui/swagger-ui.css",
)


@cache
def fingerprint(package: Path, *folders: Path) -> str:
    """The package version and a hash of its code and of every file under `folders` (templates
    and static, vendored files included): a new release, module, template or asset gives a new
    fingerprint. Compiled files (__pycache__) are left out: they come and go as workers start."""
    digest = hashlib.blake2b(_version().encode(), digest_size=6)
    for folder, files in [(package, package.rglob("*.py"))] + [(f, f.rglob("*")) for f in folders]:
        for path in sorted(p for p in files if p.is_file()):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _version() -> str:
    try:
        return version("nexus-board")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def init_app(app: Flask) -> None:
    """Fingerprint the build (computed once per process), and refuse to serve without its
    front-end files."""
    folders = (Path(app.template_folder), Path(app.static_folder))
    app.config.setdefault("BUILD_FINGERPRINT", fingerprint(Path(app.root_path), *folders))
    check_servable(app)


def missing_front_end(static_folder: str | Path) -> list[str]:
    """The vendored files absent from `static_folder`."""
    return [name for name in VENDORED if not Path(static_folder, name).is_file()]


def check_servable(app: Flask) -> None:
    """Refuse to serve pages whose front-end files are missing: say how to get them.

    Only when the app is built to serve (gunicorn's `wsgi:app`, `flask run`): other commands
    (`flask db upgrade`, `flask nexus …`) and tests build the app without serving it.
    """
    if app.testing or not serving():
        return
    missing = missing_front_end(app.static_folder)
    if missing:
        raise RuntimeError(
            f"static/ lacks {', '.join(missing)}: run `make vendor` (it copies htmx and "
            "Swagger UI from npm) before serving the app."
        )


def serving() -> bool:
    """Not inside a `flask` command, or inside `flask run`."""
    context = click.get_current_context(silent=True)
    return context is None or context.command is run_command
