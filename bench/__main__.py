"""`bench/run`: seed a dataset, serve it with gunicorn on 127.0.0.1, drive each URL with wrk.

Prints, per URL, requests/s, p50/p99 latency, the ratio to /healthz from the same run, SQL
statements per request (counted at the engine, read from /metrics) and response bytes, then
each worker's memory. /healthz is measured again after every URL, and each URL's ratio is to
the mean of the two measurements around it: on a shared machine, speed drifts by a third
within a run, and one measurement at the start would judge every later URL by that drift.
Keeps the numbers in <out>/results.json. Exits 1 when a URL misses its goal (never in --smoke
mode, whose tiny data and 1-second runs only show that bench/ works).
"""

import argparse
import contextlib
import json
import os
import shutil
import sys
import time
from datetime import datetime
from pathlib import Path

from nexus_board import create_app
from nexus_board.extensions import db

from . import dataset, report, writer
from .measure import measure
from .servers import app_settings, gunicorn, session_cookie, worker_memory
from .targets import BASELINE, TARGETS, Target

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    args = _arguments(argv)
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")
    targets = [t for t in TARGETS if t is BASELINE or not args.only or _chosen(t, args.only)]
    folder = Path(args.out or ROOT / "bench" / "results" / datetime.now().strftime("%Y%m%d-%H%M%S"))
    folder = folder.resolve()  # SQLite URLs and the servers need it whatever their folder
    folder.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        database_url = _database(stack, args.db, folder)
        settings = app_settings(folder, database_url)
        print(f"Seeding {args.size} data ({args.db}) in {folder} …", flush=True)
        dataset.build(settings, dataset.SIZES[args.size])
        seeded = round(time.monotonic() - started, 1)
        os.sync()  # the seed's writes reach the disk now, not while the first URLs are measured
        landmarks = _landmarks(settings)
        servers = {"cached": f"filesystem://{folder / 'cache'}", "uncached": "null"}
        running = {
            name: stack.enter_context(gunicorn(folder, name, settings, cache_url, args.workers))
            for name, cache_url in servers.items()
            if name in {t.server for t in targets} | {"cached"}
        }
        viewers = {(t.server, t.viewer) for t in targets if t.viewer}
        viewers |= {(t.server, writer.WRITER) for t in targets if t.writes}
        cookies = {(server, v): session_cookie(running[server][0], v) for server, v in viewers}
        results = _run_between_baselines(targets, running, cookies, landmarks, args)
        under_load = (
            _claims(running, args, landmarks) if _chosen(CLAIMS, args.only or [""]) else None
        )
        memory = {name: worker_memory(pid) for name, (_, pid) in running.items()}
    result = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "machine": report.machine(args.db),
        "size": args.size,
        "seed_seconds": seeded,
        "settings": {k: getattr(args, k) for k in ("workers", "duration", "connections")},
        "results": results,
        "claim_under_load": under_load,
        "worker_memory_mb": memory,
        "wall_seconds": round(time.monotonic() - started, 1),
    }
    report.judge(result["results"])
    (folder / "results.json").write_text(json.dumps(result, indent=2))
    report.show(result)
    missed = any(r["missed"] for r in results) or (under_load or {}).get("ratio", 0) > 3.0
    return 1 if not args.smoke and missed else 0


def _arguments(argv):
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=dataset.SIZES, default="medium",
                        help="data to seed (default medium; large: 10,000 contracts)")  # fmt: skip
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite",
                        help="postgresql: start a server on 127.0.0.1 for the run")  # fmt: skip
    parser.add_argument("--duration", type=int, default=8, help="seconds per URL (default 8)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument(
        "--only", action="append", default=[], help="measure targets whose name has this text"
    )
    parser.add_argument("--out", help="folder for the data and results (default bench/results/…)")
    parser.add_argument(
        "--smoke", action="store_true", help="tiny data, 1 s per URL, goals not enforced (CI)"
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.size, args.duration, args.connections = "smoke", 1, 4
    return args


def _chosen(target: Target, words: list[str]) -> bool:
    return any(word in target.name for word in words)


def _database(stack: contextlib.ExitStack, engine: str, folder: Path) -> str:
    if engine == "sqlite":
        return f"sqlite:///{folder / 'nexus.sqlite3'}"
    from tests.services import postgres  # the same throwaway server the tests start

    return stack.enter_context(postgres())


def _landmarks(settings: dict) -> dict[str, str]:
    app = create_app(settings)
    with app.app_context():
        found = dataset.landmarks()
        db.engine.dispose()
    return found


CLAIMS = Target("claim p99 under 16 readers", "/board", viewer="gabriel")


def _claims(running: dict, args, landmarks: dict) -> dict:
    base_url = running["cached"][0]
    print(f"  {CLAIMS.name:<28} POST /contracts/{landmarks['open']}/claim …", flush=True)
    readers, by = (session_cookie(base_url, name) for name in (CLAIMS.viewer, writer.WRITER))
    return writer.claim_latency(base_url, readers, by, landmarks["open"], args)


def _run_between_baselines(targets, running, cookies, landmarks, args) -> list[dict]:
    """Each target's result, with the mean /healthz measured just before and just after it."""

    def baseline(quiet=True):
        return _run(BASELINE, running, cookies, landmarks, args, quiet=quiet)

    before = baseline(quiet=False)
    results, measured = [before], [before["requests_per_second"]]
    for target in (t for t in targets if t is not BASELINE):
        result = _run(target, running, cookies, landmarks, args)
        after = baseline()
        for key in ("requests_per_second", "p50_ms"):
            result[f"healthz_{key}"] = round((before[key] + after[key]) / 2, 2)
        results.append(result)
        measured.append(after["requests_per_second"])
        before = after
    results[0]["measured"] = measured  # every /healthz measurement, in order
    return results


def _run(target: Target, running: dict, cookies: dict, landmarks: dict, args, quiet=False):
    base_url = running[target.server][0]
    url = base_url + target.url_path(landmarks)
    cookie = cookies.get((target.server, target.viewer))
    with contextlib.ExitStack() as stack:
        if target.writes:
            by = cookies[target.server, writer.WRITER]
            answered = stack.enter_context(writer.writing(base_url, by, landmarks["open"]))
        numbers = measure(target.name, url, base_url, cookie, args, quiet=quiet)
    if target.writes:  # a write that failed would measure nothing: say so
        numbers["writes"] = len(answered)
        numbers["write_errors"] = sum(code != 303 for code in answered)
    return {"name": target.name, "path": target.path, "server": target.server,
            "viewer": target.viewer, "goal": target.goal, **numbers}  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
