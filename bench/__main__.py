"""`bench/run`: seed a dataset, serve it with gunicorn on 127.0.0.1, drive each URL with wrk.

Prints requests/s and latency percentiles per URL, as ratios to /healthz from the same run, and
keeps the numbers in bench/results/<time>/results.json. Exits 1 when a URL misses its goal.
"""

import argparse
import contextlib
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path

from . import dataset
from .targets import BASELINE, TARGETS, Target

ROOT = Path(__file__).resolve().parent.parent
REPORTER = Path(__file__).with_name("report.lua")


def main(argv=None) -> int:
    args = _arguments(argv)
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")
    targets = [t for t in TARGETS if t is BASELINE or not args.only or _chosen(t, args.only)]
    folder = ROOT / "bench" / "results" / datetime.now().strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True)
    started = time.monotonic()
    print(f"Seeding {folder.relative_to(ROOT)} …", flush=True)
    dataset.build(_app_settings(folder))
    servers = {"cached": f"filesystem://{folder / 'cache'}", "uncached": "null"}
    needed = {t.server for t in targets}
    with contextlib.ExitStack() as stack:
        urls = {
            name: stack.enter_context(_gunicorn(folder, name, cache_url, args.workers))
            for name, cache_url in servers.items()
            if name in needed
        }
        results = [_measure(t, urls[t.server], args) for t in targets]
    report = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "machine": _machine(),
        "settings": {k: getattr(args, k) for k in ("workers", "duration", "connections")},
        "results": results,
        "wall_seconds": round(time.monotonic() - started, 1),
    }
    (folder / "results.json").write_text(json.dumps(report, indent=2))
    _print(report)
    return 1 if any(r["missed"] for r in results) else 0


def _arguments(argv):
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=8, help="seconds per URL (default 8)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument(
        "--only", action="append", default=[], help="measure targets whose name has this text"
    )
    return parser.parse_args(argv)


def _chosen(target: Target, words: list[str]) -> bool:
    return any(word in target.name for word in words)


def _app_settings(folder: Path) -> dict:
    return {
        "SECRET_KEY": "bench-secret-not-for-production",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'nexus.sqlite3'}",
        "RATELIMIT_STORAGE_URI": f"nexus+sqlite://{folder / 'ratelimits.sqlite3'}",
        "CACHE_TYPE": "FileSystemCache",  # for seeding; each server gets its own CACHE_URL
        "CACHE_DIR": str(folder / "seed-cache"),
    }


@contextlib.contextmanager
def _gunicorn(folder: Path, name: str, cache_url: str, workers: int):
    settings = _app_settings(folder)
    env = os.environ | {
        "NEXUS_ENV": "production",
        "SECRET_KEY": settings["SECRET_KEY"],
        "DATABASE_URL": settings["SQLALCHEMY_DATABASE_URI"],
        "RATELIMIT_STORAGE_URL": settings["RATELIMIT_STORAGE_URI"],
        "CACHE_URL": cache_url,
        # wrk is one client: keep the mock limit counting (its cost is measured) but not tripping.
        "MOCK_RATE_LIMIT": "1000000 per minute",
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
            yield url
        finally:
            process.terminate()
            process.wait(timeout=30)


def _measure(target: Target, base_url: str, args) -> dict:
    url = base_url + target.path
    for _ in range(3):  # fills the cache, and fails early on a broken page
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            response.read()
    print(f"  {target.name:<18} {target.path} …", flush=True)
    command = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--timeout", "5s"]
    output = subprocess.run(  # noqa: S603
        [*command, "-s", str(REPORTER), url], capture_output=True, text=True, check=True
    ).stdout
    numbers = json.loads(output.strip().splitlines()[-1])
    return {
        "name": target.name,
        "path": target.path,
        "server": target.server,
        "goal": target.goal,
        "requests_per_second": round(numbers["requests"] / numbers["seconds"], 1),
        "errors": numbers["errors"],
        **{f"{p}_ms": round(numbers[p] / 1000, 2) for p in ("p50", "p90", "p99", "max")},
    }


def _print(report: dict) -> None:
    results = report["results"]
    baseline = next(r for r in results if r["name"] == BASELINE.name)["requests_per_second"]
    print(f"\n{report['machine']}")
    settings = report["settings"]
    print(
        f"gunicorn {settings['workers']} sync workers, wrk -t2 -c{settings['connections']}, "
        f"{settings['duration']} s per URL, {report['wall_seconds']} s in all\n"
    )
    print(f"{'URL':<28}{'req/s':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'× healthz':>11}  goal")
    for r in results:
        ratio = r["requests_per_second"] / baseline
        r["ratio"] = round(ratio, 2)
        r["missed"] = r["goal"] is not None and ratio < r["goal"]
        goal = "" if r["goal"] is None else f"≥ {r['goal']}: {'MISSED' if r['missed'] else 'met'}"
        errors = f"  ({r['errors']} errors)" if r["errors"] else ""
        print(
            f"{r['name'] + ' ' + r['path']:<28}{r['requests_per_second']:>9.0f}{r['p50_ms']:>9.2f}"
            f"{r['p90_ms']:>9.2f}{r['p99_ms']:>9.2f}{ratio:>11.2f}  {goal}{errors}"
        )


def _machine() -> str:
    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, SQLite, file-system cache"
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, process, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}; see its log")
        with contextlib.suppress(OSError):
            urllib.request.urlopen(f"{url}/healthz", timeout=2).close()  # noqa: S310
            return
        time.sleep(0.1)
    raise TimeoutError(f"{url} did not come up in {timeout} s")


if __name__ == "__main__":
    sys.exit(main())
