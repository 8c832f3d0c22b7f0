"""Configuration, read from the environment only (and a `.env` file if present)."""

import os
import re
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from dotenv import load_dotenv

ENVIRONMENTS = ("development", "production", "testing")
HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")
# Where images in learners' Markdown may come from: GitHub's image hosts, where a README's
# pictures already live. Any other image shows as a link, so no visitor's browser calls a
# host a learner chose (and the web server never fetches one either).
IMAGE_HOSTS = (
    "github.com raw.githubusercontent.com user-images.githubusercontent.com "
    "private-user-images.githubusercontent.com avatars.githubusercontent.com "
    "camo.githubusercontent.com"
)
DEFAULT_WEBHOOK_HOSTS = (
    "discord.com discordapp.com canary.discord.com ptb.discord.com hooks.slack.com"
)


def load_config(instance_path: str, overrides: dict) -> dict:
    """Build the app's settings from environment variables; `overrides` wins."""
    load_dotenv()
    instance = Path(instance_path)
    env = os.environ.get("NEXUS_ENV", "development")
    if env not in ENVIRONMENTS:
        raise RuntimeError(f"NEXUS_ENV must be one of {', '.join(ENVIRONMENTS)}, not {env!r}")
    production = env == "production"

    cache_url = os.environ.get("CACHE_URL", "")
    return {
        "NEXUS_ENV": env,
        "SECRET_KEY": overrides.get("SECRET_KEY") or _secret_key(instance, production),
        "SQLALCHEMY_DATABASE_URI": os.environ.get(
            "DATABASE_URL", f"sqlite:///{instance / 'nexus.sqlite3'}"
        ),
        "RATELIMIT_STORAGE_URI": os.environ.get(
            "RATELIMIT_STORAGE_URL", _ratelimit_storage(cache_url, instance)
        ),
        "HTMX_CDN": os.environ.get("HTMX_CDN", "").lower() in ("1", "true", "yes"),
        "TRUSTED_PROXIES": _count(os.environ.get("TRUSTED_PROXIES", "0"), "TRUSTED_PROXIES"),
        # Per client address, for the public mock server (a limits string).
        "MOCK_RATE_LIMIT": os.environ.get("MOCK_RATE_LIMIT", "600 per minute"),
        "SESSION_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_SECURE": production,
        "PREFERRED_URL_SCHEME": "https" if production else "http",
        "LOG_FORMAT": os.environ.get("LOG_FORMAT", "text"),  # or json: one object a line
        # Set: /metrics answers Prometheus when it sends this as a bearer token. Unset: off.
        "METRICS_TOKEN": os.environ.get("METRICS_TOKEN", ""),
        # How many web workers serve beside this one (gunicorn.conf.py exports the number).
        "WEB_WORKERS": _count(os.environ.get("NEXUS_WEB_WORKERS", "1"), "NEXUS_WEB_WORKERS"),
        "HSTS": production,
        "MARKDOWN_IMAGE_HOSTS": _hosts(os.environ.get("MARKDOWN_IMAGE_HOSTS", IMAGE_HOSTS)),
        **cache_settings(cache_url, instance),
        "QUEUE_URL": os.environ.get("QUEUE_URL", _queue_url(cache_url, instance)),
        # Where people reach the app: links in webhook messages start with it.
        "PUBLIC_URL": os.environ.get("PUBLIC_URL", "http://127.0.0.1:5000").rstrip("/"),
        # Hosts learners' webhooks may point at (admins' cohort webhooks may point anywhere).
        "WEBHOOK_HOSTS": _words(os.environ.get("WEBHOOK_HOSTS", DEFAULT_WEBHOOK_HOSTS)),
        # Tests only: accept http://127.0.0.1 webhooks, and send to loopback addresses.
        "WEBHOOK_ALLOW_LOOPBACK": _flag(os.environ.get("WEBHOOK_ALLOW_LOOPBACK", "")),
    }


def cache_settings(cache_url: str, instance: Path) -> dict:
    """Flask-Caching settings for a cache URL (empty: the file-system cache under instance/)."""
    if cache_url.startswith(("redis://", "rediss://", "unix://")):
        return {
            "CACHE_TYPE": "RedisCache",
            "CACHE_REDIS_URL": cache_url,
            # Flask-Caching passes its own db number to redis, overriding the URL's: pass the URL's.
            "CACHE_REDIS_DB": _redis_db(cache_url),
            # A hung Redis must slow a request by a second at most, never hang it.
            "CACHE_OPTIONS": {"socket_timeout": 1, "socket_connect_timeout": 1},
        }
    if cache_url in ("", "filesystem") or cache_url.startswith("filesystem://"):
        folder = cache_url.removeprefix("filesystem://") if "://" in cache_url else ""
        return {
            "CACHE_TYPE": "FileSystemCache",
            "CACHE_DIR": folder or str(instance / "cache"),
            "CACHE_THRESHOLD": 20000,
        }
    if cache_url == "null":
        return {"CACHE_TYPE": "NullCache"}
    raise RuntimeError(
        f"CACHE_URL must be redis://…, filesystem://<folder> or null, not {cache_url!r}"
    )


def _count(value: str, name: str) -> int:
    if not value.isdigit():
        raise RuntimeError(f"{name} must be a whole number, not {value!r}")
    return int(value)


def _hosts(value: str) -> tuple[str, ...]:
    """Host names from a list separated by spaces or commas ("none" or nothing: no host)."""
    names = tuple(h.lower() for h in value.replace(",", " ").split() if h.lower() != "none")
    for name in names:
        if not HOST.fullmatch(name):
            raise RuntimeError(f"MARKDOWN_IMAGE_HOSTS: {name!r} is not a host name")
    return names


def _redis_db(url: str) -> int:
    path = urlsplit(url).path.strip("/")
    return int(path) if path.isdigit() else 0


def _ratelimit_storage(cache_url: str, instance: Path) -> str:
    # Counters live where every worker sees them: Redis beside the cache, else a SQLite file.
    if cache_url.startswith(("redis://", "rediss://")):
        return cache_url
    return f"nexus+sqlite://{instance / 'ratelimits.sqlite3'}"


def _queue_url(cache_url: str, instance: Path) -> str:
    # The task queue lives beside the cache when that is Redis, else in a SQLite file.
    if cache_url.startswith(("redis://", "rediss://")):
        return cache_url
    return f"sqlite://{instance / 'queue.sqlite3'}"


def _words(value: str) -> tuple[str, ...]:
    return tuple(word.lower() for word in value.replace(",", " ").split())


def _flag(value: str) -> bool:
    return value.lower() in ("1", "true", "yes")


def _secret_key(instance: Path, production: bool) -> str:
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    if production:
        raise RuntimeError(
            "SECRET_KEY must be set when NEXUS_ENV=production: set it to a long random value "
            "(python -c 'import secrets; print(secrets.token_hex(32))')."
        )
    # Development: one key per checkout, made once, so sessions survive restarts.
    path = instance / "secret_key"
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        draft = instance / f".secret_key.{os.getpid()}"
        draft.write_text(secrets.token_hex(32))
        draft.chmod(0o600)
        try:
            os.link(draft, path)  # atomic: two workers starting at once agree on one key
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text().strip()
