"""Start-up checks: a production server refuses settings that would break it, saying what to set.

Each setting here works on a laptop and fails only once several workers serve: a cache or
rate-limit counters kept in one process, or a task queue that runs inside each web worker.
`flask` commands (migrations, backups) are one process and are not refused.
"""

from flask import Flask

from ..build import serving

# Flask-Caching backends that keep entries inside one process.
PROCESS_LOCAL_CACHES = {"SimpleCache", "simple", "flask_caching.backends.SimpleCache"}
NEW_SECRET = "python -c 'import secrets; print(secrets.token_hex(32))'"  # noqa: S105  (a command)


def development_queue(config: dict) -> bool:
    """Whether tasks run on the development queue, inside the web process that queued them.

    The hook for the task queue: it is the only place that knows which settings mean that.
    """
    return config.get("QUEUE_URL", "").startswith(("memory://", "immediate"))


def problems(config: dict) -> list[str]:
    """What is unsafe about these production settings, each with what to set instead."""
    if config["NEXUS_ENV"] != "production":
        return []
    found = []
    if not config.get("SECRET_KEY"):
        found.append(f"SECRET_KEY is empty: set it to a long random value ({NEW_SECRET}).")
    if config.get("DEBUG"):
        found.append(
            "Debug mode is on: unset FLASK_DEBUG and serve with gunicorn, never `flask run`."
        )
    if config.get("CACHE_TYPE") in PROCESS_LOCAL_CACHES:
        found.append(
            f"CACHE_TYPE {config['CACHE_TYPE']} keeps the cache inside one worker: set "
            "CACHE_URL=redis://… (or filesystem://<folder> for the workers of one machine)."
        )
    if str(config.get("RATELIMIT_STORAGE_URI", "")).startswith("memory://"):
        found.append(
            "RATELIMIT_STORAGE_URL=memory:// counts per worker: set it to redis://…, or leave "
            "it unset (the Redis of CACHE_URL, else a SQLite file all workers share)."
        )
    if config.get("WEB_WORKERS", 1) > 1 and development_queue(config):
        found.append(
            f"QUEUE_URL {config.get('QUEUE_URL')!r} is the development task queue, which runs "
            f"inside each of the {config['WEB_WORKERS']} web workers: set QUEUE_URL=redis://… "
            "and run the task-queue worker."
        )
    return found


def refuse_unsafe(app: Flask) -> None:
    """Refuse to serve in production with any of `problems`, listing all of them at once."""
    found = problems(app.config)
    if found and serving():
        raise RuntimeError(
            "Refusing to serve with unsafe production settings:\n"
            + "\n".join(f"- {problem}" for problem in found)
        )
