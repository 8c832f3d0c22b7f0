"""Real services for tests on 127.0.0.1 (PostgreSQL, Redis, gunicorn), started and stopped here."""

import contextlib
import glob
import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 20, process=None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before listening")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listening on 127.0.0.1:{port} after {timeout}s")


def _as_postgres_user(command: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; CI runs as root.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@contextlib.contextmanager
def postgres():
    """A throwaway PostgreSQL cluster; yields a SQLAlchemy URL to its `nexus` database."""
    # Its own folder, not pytest's: pytest's are private to root and postgres cannot run as root.
    folder = Path(tempfile.mkdtemp(prefix="nexus-postgres-"))
    binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not binaries:
        raise RuntimeError("PostgreSQL is not installed: `make test` installs it")
    bin_dir = Path(binaries[-1])
    data, sockets = folder / "pgdata", folder / "pgsock"
    sockets.mkdir()
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        for path in (folder, sockets):
            os.chown(path, user.pw_uid, user.pw_gid)
    port = free_port()

    def run(*command):
        # Output goes to a file: the server inherits it, and a pipe would never close.
        with open(folder / "commands.log", "a") as log:
            subprocess.run(
                _as_postgres_user([str(bin_dir / command[0]), *command[1:]]),
                check=True,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )

    run("initdb", "-D", str(data), "-U", "nexus", "--auth=trust", "-E", "UTF8", "--no-sync")
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
    run("pg_ctl", "-D", str(data), "-o", options, "-w", "-l", str(folder / "pg.log"), "start")
    try:
        run("createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "nexus", "nexus")
        yield f"postgresql+psycopg://nexus@127.0.0.1:{port}/nexus"
    finally:
        run("pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def redis():
    """A throwaway Redis with no persistence; yields its URL."""
    server = shutil.which("redis-server")
    if server is None:
        raise RuntimeError("redis-server is not installed: `make test` installs it")
    port = free_port()
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process=process)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextlib.contextmanager
def gunicorn(env: dict, workers: int = 2, pidfile: Path | None = None, output: Path | None = None):
    """`gunicorn wsgi:app` with `workers` processes and `env` settings; yields its base URL.

    It reads gunicorn.conf.py, as production does; `pidfile` receives the master's pid, and
    `output` its stdout and stderr (its log lines).
    """
    port = free_port()
    log = open(output, "w") if output else None  # noqa: SIM115  (closed below)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            *(["--pid", str(pidfile)] if pidfile else []),
            "wsgi:app",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=log,
        stderr=log,
    )
    try:
        wait_for_port(port, process=process)
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=15)
        if log:
            log.close()


def _wait_healthy(url: str, timeout: float = 60) -> None:  # a loaded machine starts slowly
    """Poll /healthz until it answers. Each try waits out the rest of the deadline: a try given
    up on would still be served later, and count in the metrics a test reads after this."""
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/healthz", timeout=left):  # noqa: S310
            return
        time.sleep(0.1)
    raise TimeoutError(f"{url}/healthz did not answer")


@contextlib.contextmanager
def prism(document: Path):
    """Stoplight Prism (from node_modules, installed by `make vendor`) mocking `document`."""
    binary = ROOT / "node_modules" / ".bin" / "prism"
    if not binary.exists():
        raise RuntimeError("Prism is not installed: `make vendor` installs it from npm")
    port = free_port()
    command = [str(binary), "mock", "--host", "127.0.0.1", "--port", str(port), str(document)]
    with open(document.with_suffix(".log"), "w") as log:
        process = subprocess.Popen(command, stdout=log, stderr=log)  # noqa: S603
        try:
            wait_for_port(port, timeout=60, process=process)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(timeout=20)


class JSONHandler(BaseHTTPRequestHandler):
    """A stand-in server's handler (for `local_http`) that answers JSON and logs nothing."""

    def json_body(self):
        return json.loads(self.rfile.read(int(self.headers["Content-Length"])))

    def send_json(self, status: int, body) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def local_http(handler):
    """Yields the URL of a threaded HTTP server on a free 127.0.0.1 port, answering with
    `handler` (a stand-in backend or frontend), and stops it afterwards."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
