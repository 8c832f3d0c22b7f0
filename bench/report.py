"""The benchmark's table: each URL against /healthz from the same run."""

import contextlib
import os
import platform
from pathlib import Path

from .targets import BASELINE


def judge(results: list[dict]) -> None:
    """Give each result its ratio to /healthz (measured around it, else at the start) and
    whether it missed its goal."""
    first = next(r for r in results if r["name"] == BASELINE.name)["requests_per_second"]
    for r in results:
        baseline = r.get("healthz_requests_per_second", first)
        r["ratio"] = round(r["requests_per_second"] / baseline, 2)
        r["missed"] = r["goal"] is not None and r["ratio"] < r["goal"]


def show(report: dict) -> None:
    settings = report["settings"]
    print(f"\n{report['machine']}")
    print(
        f"{report['size']} data seeded in {report['seed_seconds']} s; gunicorn "
        f"{settings['workers']} sync workers, wrk -t2 -c{settings['connections']}, "
        f"{settings['duration']} s per URL, {report['wall_seconds']} s in all\n"
    )
    print(f"{'URL':<44}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'× healthz':>10}{'SQL':>6}"
          f"{'bytes':>8}  goal")  # fmt: skip
    if measured := report["results"][0].get("measured"):
        print(f"(/healthz measured {len(measured)} times, {min(measured):.0f}–{max(measured):.0f}"
              " req/s: each URL's ratio is to the two measurements around it)")  # fmt: skip
    for r in report["results"]:
        goal = "" if r["goal"] is None else f"≥ {r['goal']}: {'MISSED' if r['missed'] else 'met'}"
        errors = f"  ({r['errors']} errors)" if r["errors"] else ""
        if "writes" in r:
            errors += f"  ({r['writes']} writes meanwhile, {r['write_errors']} refused)"
        print(
            f"{r['name']:<44}{r['requests_per_second']:>8.0f}{r['p50_ms']:>9.2f}"
            f"{r['p99_ms']:>9.2f}{r['ratio']:>10.2f}{r['statements']:>6.1f}{r['bytes']:>8}"
            f"  {goal}{errors}"
        )
    if claims := report.get("claim_under_load"):
        verdict = "met" if claims["ratio"] <= claims["goal"] else "MISSED"
        print(
            f"\nclaim POST p99 under 16 readers of the board: {claims['claim_p99_ms']} ms, "
            f"/healthz p99 {claims['healthz_p99_ms']} ms under the same load: {claims['ratio']} × "
            f"(≤ {claims['goal']}: {verdict}; {claims['claims']} claims)"
        )
    for name, sizes in report["worker_memory_mb"].items():
        print(
            f"\nworker memory after the run, {name} server: {', '.join(map(str, sizes))} MB", end=""
        )
    print()


def machine(engine: str) -> str:
    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, "
        f"{'PostgreSQL' if engine == 'postgresql' else 'SQLite'}, file-system cache; "
        f"load average {load} at the end"
    )
