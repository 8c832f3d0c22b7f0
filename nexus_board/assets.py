"""URLs for static files: versioned so browsers can cache them for a long time."""

import base64
import hashlib
import json
from functools import cache
from pathlib import Path

from flask import current_app, has_request_context, request, url_for

HTMX_FILE = "vendor/htmx.min.js"
CDN = "https://cdn.jsdelivr.net/npm/htmx.org@{version}/dist/htmx.min.js"
CDN_ORIGIN = "https://cdn.jsdelivr.net"


@cache
def _version(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10] if path.is_file() else "missing"


@cache
def _integrity(path: Path) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(path.read_bytes()).digest()).decode()


@cache
def _pinned_htmx_version(package_json: Path) -> str:
    return json.loads(package_json.read_text())["dependencies"]["htmx.org"]


def asset_url(filename: str) -> str:
    """`url_for('static')` with a content hash, so a changed file gets a new URL.

    Kept per process by the request's script root: a page links a dozen files, and a file's
    hash is read once per process anyway (a deploy restarts the workers).
    """
    known = current_app.extensions.setdefault("nexus_board.asset_urls", {})
    key = (request.script_root if has_request_context() else "", filename)
    if key not in known:
        path = Path(current_app.static_folder, filename)
        known[key] = url_for("static", filename=filename, v=_version(path))
    return known[key]


def htmx_script() -> dict:
    """Where pages load htmx from: the local copy, or the CDN with an SRI hash of that copy.

    The CDN serves the same pinned file the install step copied, so the hash of the local copy
    is the CDN file's hash.
    """
    if not current_app.config["HTMX_CDN"]:
        return {"src": asset_url(HTMX_FILE), "integrity": None}
    root = Path(current_app.root_path).parent
    return {
        "src": CDN.format(version=_pinned_htmx_version(root / "package.json")),
        "integrity": _integrity(Path(current_app.static_folder, HTMX_FILE)),
    }
