"""Another learner writing while the board is read: a claim or an unclaim every 200 ms while a
URL is measured, and the claim's own latency under 16 readers.

Each write replaces the board's generation, so the board's readers keep meeting a changed
board: what an active cohort does to the cache (issue 18: "while another learner writes").
"""

import contextlib
import itertools
import re
import subprocess
import threading
import time

import httpx

INTERVAL = 0.2  # seconds between writes
WRITER = "hana"  # a demo frontend learner, who may claim
TOKEN = re.compile(r'"X-CSRFToken": "([^"]+)"')  # base.html's hx-headers for signed-in pages


@contextlib.contextmanager
def writing(base_url: str, cookie: str, contract_id: str):
    """Claim and unclaim `contract_id` as the owner of `cookie` until the block ends; yields the
    status codes answered so far."""
    stop, answered = threading.Event(), []

    def run():
        with httpx.Client(base_url=base_url, headers={"Cookie": cookie}, timeout=10) as client:
            headers = {"X-CSRFToken": TOKEN.search(client.get("/board").text).group(1)}
            for action in itertools.cycle(["claim", "unclaim"]):
                if stop.wait(INTERVAL):
                    return
                path = f"/contracts/{contract_id}/{action}"
                answered.append(client.post(path, headers=headers).status_code)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield answered
    finally:
        stop.set()
        thread.join(15)


def claim_latency(base_url: str, readers: str, by: str, contract_id: str, args) -> dict:
    """p99 of a claim (or unclaim) POST, and of /healthz, while 16 connections read the board
    as the owner of `readers`; the goal is a claim p99 within 3 × the /healthz one."""
    command = ["wrk", "-t2", "-c16", f"-d{args.duration}s", "--timeout", "5s"]
    command += ["-H", f"Cookie: {readers}", f"{base_url}/board"]
    timings = {"claim": [], "healthz": []}
    with httpx.Client(base_url=base_url, headers={"Cookie": by}, timeout=10) as client:
        headers = {"X-CSRFToken": TOKEN.search(client.get("/board").text).group(1)}
        load = subprocess.Popen(command, stdout=subprocess.DEVNULL)  # noqa: S603
        actions = itertools.cycle(["claim", "unclaim"])
        try:
            while load.poll() is None:
                started = time.perf_counter()
                client.post(f"/contracts/{contract_id}/{next(actions)}", headers=headers)
                timings["claim"].append(time.perf_counter() - started)
                started = time.perf_counter()
                client.get("/healthz")
                timings["healthz"].append(time.perf_counter() - started)
                time.sleep(INTERVAL / 2)
        finally:
            load.wait()
    p99 = {name: _p99(values) * 1000 for name, values in timings.items()}
    return {"claim_p99_ms": round(p99["claim"], 1), "healthz_p99_ms": round(p99["healthz"], 1),
            "ratio": round(p99["claim"] / p99["healthz"], 2), "claims": len(timings["claim"]),
            "goal": 3.0}  # fmt: skip


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] if ordered else 0.0
