"""The servers the benchmark drives: gunicorn on 127.0.0.1 as production runs it, signed-in
sessions for its viewers, and its workers' memory."""

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import httpx

from .rows import PASSWORD

ROOT = Path(__file__).resolve().parent.parent
METRICS_TOKEN = "bench-metrics-token"  # noqa: S105  (a throwaway local server)
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def app_settings(folder: Path, database_url: str) -> dict:
    return {
        "SECRET_KEY": "bench-secret-not-for-production",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "RATELIMIT_STORAGE_URI": f"nexus+sqlite://{folder / 'ratelimits.sqlite3'}",
        "CACHE_TYPE": "FileSystemCache",  # for seeding; each server gets its own CACHE_URL
        "CACHE_DIR": str(folder / "seed-cache"),
    }


@contextlib.contextmanager
def gunicorn(folder: Path, name: str, settings: dict, cache_url: str, workers: int):
    """Yields (base URL, master pid) of a gunicorn serving `settings` with `cache_url`."""
    env = os.environ | {
        "NEXUS_ENV": "production",
        "SECRET_KEY": settings["SECRET_KEY"],
        "DATABASE_URL": settings["SQLALCHEMY_DATABASE_URI"],
        "RATELIMIT_STORAGE_URL": settings["RATELIMIT_STORAGE_URI"],
        "CACHE_URL": cache_url,
        # wrk is one client: keep the mock limit counting (its cost is measured) but not tripping.
        "MOCK_RATE_LIMIT": "1000000 per minute",
        # SQL statements per request are read from /metrics (counted at the engine).
        "METRICS_TOKEN": METRICS_TOKEN,
        "PROMETHEUS_MULTIPROC_DIR": str(folder / f"metrics-{name}"),
    }
    port = _free_port()
    command = [sys.executable, "-m", "gunicorn", "--workers", str(workers)]
    command += ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
    # gunicorn.conf.py replaces workers every ~1,000 requests; wrk sends that many a second, and
    # the restarts would be measured instead of the pages.
    command += ["--max-requests", "0", "wsgi:app"]
    with open(folder / f"gunicorn-{name}.log", "w") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)  # noqa: S603
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_until_up(url, process)
            yield url, process.pid
        finally:
            process.terminate()
            process.wait(timeout=30)


def session_cookie(url: str, username: str) -> str:
    """Sign `username` in through the form; the Cookie header that carries the session.

    Production cookies are Secure, which an http client keeps to itself: carried by hand here.
    """
    with httpx.Client(base_url=url) as client:
        page = client.get("/sign-in")
        cookie = _cookies(page)
        form = {"login": username, "password": PASSWORD}
        form["csrf_token"] = CSRF.search(page.text).group(1)
        response = client.post("/sign-in", data=form, headers={"Cookie": cookie})
        if response.status_code != 303:
            raise RuntimeError(f"signing in as {username} answered {response.status_code}")
        cookie = _cookies(response)
        # The first page after signing in stores the session's CSRF secret in a new cookie. A
        # browser keeps it; without it every request would start another session (and miss the
        # signed-in board's cache, and fail a write's CSRF check).
        page = client.get("/board", headers={"Cookie": cookie})
    return _cookies(page, cookie)


def _cookies(response: httpx.Response, earlier: str = "") -> str:
    """The Cookie header after `response`: `earlier` with the cookies it sets replacing theirs."""
    pairs = dict(pair.split("=", 1) for pair in earlier.split("; ") if "=" in pair)
    for header in response.headers.get_list("set-cookie"):
        name, value = header.split(";", 1)[0].split("=", 1)
        pairs[name] = value
    return "; ".join(f"{name}={value}" for name, value in pairs.items())


def worker_memory(master: int) -> list[float]:
    """Resident memory of each worker of a gunicorn master, in MB."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        with contextlib.suppress(OSError):
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines())
            if int(fields["PPid"]) == master:
                sizes.append(round(int(fields["VmRSS"].split()[0]) / 1024, 1))
    return sorted(sizes)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, process, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}; see its log")
        with contextlib.suppress(OSError):
            urllib.request.urlopen(f"{url}/healthz", timeout=2).close()  # noqa: S310
            return
        time.sleep(0.1)
    raise TimeoutError(f"{url} did not come up in {timeout} s")
