"""Nexus Board: learners' Project Nexus profiles, updates and an API contract board."""

from datetime import timedelta
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from . import build, caching, database, login, operations
from .board import kept_counts
from .config import load_config
from .errors import register_error_handlers
from .extensions import cache, csrf, db, htmx, limiter, login_manager, migrate
from .headers import register_headers
from .input_guard import register_input_guard
from .limits import BODY_BYTES, RATES, WEBHOOK_DELIVERY
from .numbers import LARGEST_ID
from .profiles import directory
from .ratelimits import SQLiteStorage  # noqa: F401  (registers the nexus+sqlite:// scheme)
from .templating import TemplateEnvironment, register_templating
from .webhooks import queue

ROOT = Path(__file__).resolve().parent.parent

DEFAULTS = {
    "MAX_CONTENT_LENGTH": max(BODY_BYTES.values()),
    "BODY_LIMITS": dict(BODY_BYTES),  # per kind of route: limits.body_kind
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_NAME": "remember_token",
    "REMEMBER_COOKIE_DURATION": timedelta(days=30),
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    # A signed-in device not seen for this long is signed out (a remembered one at the end of
    # REMEMBER_COOKIE_DURATION); changing the password or email, creating a token and deleting
    # the account need the password typed on the device within FRESH_SIGN_IN.
    "SESSION_IDLE_TIMEOUT": timedelta(days=14),
    "FRESH_SIGN_IN": timedelta(minutes=10),
    "WTF_CSRF_TIME_LIMIT": None,  # a token lives as long as the session: no 400 on old tabs
    "RATELIMIT_HEADERS_ENABLED": True,
    "RATELIMIT_SWALLOW_ERRORS": True,  # a broken counter store must not take the site down
    "RATE_LIMITS": dict(RATES),
    "CACHE_DEFAULT_TIMEOUT": 300,
    "PASSWORD_HASH_METHOD": "scrypt",
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    "WEBHOOK_DELIVERY": dict(WEBHOOK_DELIVERY),
    "INBOX_POLL_SECONDS": 20,  # how often the navigation asks for the unread count
}


def create_app(config: dict | None = None) -> Flask:
    """Build the app. `config` overrides settings read from the environment (tests use it)."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.jinja_environment = TemplateEnvironment
    app.config.update(DEFAULTS)
    app.config.update(load_config(app.instance_path, overrides=config or {}))
    app.config.update(config or {})
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if app.config["TRUSTED_PROXIES"]:
        # Behind nginx or a load balancer: take the client's address and scheme from the
        # proxies' headers, so rate limits count people, not the proxy, and links say https.
        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    login_manager.init_app(app)
    build.init_app(app)
    cache.init_app(app)
    caching.init_app(app)
    kept_counts.init_app(app)
    directory.init_app(app)
    queue.init_app(app)
    csrf.init_app(app)
    htmx.init_app(app)
    limiter.init_app(app)
    with app.app_context():
        database.configure(db.engine)
        if db.engine.dialect.name == "postgresql":
            # After Flask-SQLAlchemy's teardown, so it runs first: before the session goes.
            app.teardown_appcontext(lambda error: database.end_reads(db.session(), error))
    operations.init_app(app)  # start-up checks, request ids, logs, readiness, metrics

    login.register(app)
    register_error_handlers(app)
    register_headers(app)
    register_input_guard(app)
    register_blueprints(app)
    register_templating(app)

    from .cli import nexus

    app.cli.add_command(nexus)
    return app


class DatabaseInt(IntegerConverter):
    """`<int:…>` for row ids: a number no INTEGER column holds becomes 0, an id no row has.

    The view then answers its own 404, instead of the database failing on the number.
    (Refusing the match instead makes werkzeug answer 405 where a route has other methods.)
    """

    def to_python(self, value: str) -> int:
        number = super().to_python(value)
        return number if number <= LARGEST_ID else 0


def register_blueprints(app: Flask) -> None:
    app.url_map.converters["int"] = DatabaseInt
    from .activity import bp as activity
    from .api import bp as api
    from .api import stateless
    from .auth import bp as auth
    from .board import bp as board
    from .gql import bp as gql
    from .hub import bp as hub
    from .inbox import bp as inbox
    from .mocks import bp as mocks
    from .moderation import bp as moderation
    from .openapi import bp as openapi
    from .operations import bp as operations
    from .profiles import bp as profiles
    from .updates import bp as updates
    from .webhooks import bp as webhooks

    areas = (hub, auth, profiles, board, updates, openapi, api, mocks, activity, inbox, webhooks,
             gql)  # fmt: skip
    for blueprint in (*areas, operations, moderation):
        app.register_blueprint(blueprint)
    from .invites import bp as invites
    from .replies import bp as replies
    from .reviews import bp as reviews
    from .teams import bp as teams

    for blueprint in (replies, reviews, teams, invites):
        app.register_blueprint(blueprint)
    stateless.configure(app, api, mocks)  # no session, cookies or CSRF on the API and mocks
