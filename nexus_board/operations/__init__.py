"""Running the app: request ids, logs, readiness, metrics, start-up checks, backup and restore.

Nothing here is a page people read; it is what an operator, a proxy or a scraper talks to.
"""

from flask import Blueprint, Flask

bp = Blueprint("operations", __name__)

from . import views  # noqa: E402, F401


def init_app(app: Flask) -> None:
    """Refuse unsafe production settings, then give every request an id, logs and metrics."""
    from . import logs, metrics, readiness, request_ids, startup

    startup.refuse_unsafe(app)
    request_ids.init_app(app)
    logs.configure(app.config["LOG_FORMAT"])
    readiness.init_app(app)
    metrics.init_app(app)
