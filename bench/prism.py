"""`python -m bench.prism`: the mock beside Stoplight Prism on the same exported document.

Seeds the demo cohort, serves it with gunicorn, exports E-commerce API's OpenAPI document and
starts Prism (`node_modules/.bin/prism`, installed by `make vendor`) on it. First both must
answer a set of requests alike (the default example, `Prefer: code`, a 404, a 405, a 422 with
its validation locations); then wrk drives the same GET on each and prints both rates and their
ratio. Exits 1 when they disagree, or when the mock is under `GOAL` times Prism's rate.
"""

import argparse
import contextlib
import json
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime

from . import dataset
from .measure import REPORTER
from .report import machine
from .servers import ROOT, _free_port, app_settings, gunicorn

GOAL = 2.0
PROJECT = "e-commerce-api"
PRISM = ROOT / "node_modules" / ".bin" / "prism"
MEASURED = "/api/v1/products/42"
# (method, path, headers, body): what both must answer alike.
REQUESTS = [
    ("GET", MEASURED, {}, None),
    ("GET", MEASURED, {"Prefer": "code=404"}, None),
    ("GET", "/api/v1/nothing-here", {}, None),
    ("DELETE", MEASURED, {}, None),
    ("POST", "/api/v1/auth/token", {}, {"username": 5}),
]


def main(argv=None) -> int:
    args = _arguments(argv)
    if shutil.which("wrk") is None or not PRISM.exists():
        sys.exit("needs wrk (apt-get install wrk) and Prism (make vendor)")
    folder = ROOT / "bench" / "results" / datetime.now().strftime("prism-%Y%m%d-%H%M%S")
    folder.mkdir(parents=True)
    settings = app_settings(folder, f"sqlite:///{folder / 'nexus.sqlite3'}")
    dataset.build(settings, dataset.SIZES["medium"])
    with contextlib.ExitStack() as stack:
        cache_url = "filesystem://" + str(folder / "c")
        ours, _ = stack.enter_context(gunicorn(folder, "mock", settings, cache_url, args.workers))
        document = folder / "openapi.json"
        with urllib.request.urlopen(f"{ours}/projects/{PROJECT}/openapi.json") as response:  # noqa: S310
            document.write_bytes(response.read())
        theirs = stack.enter_context(_prism(folder, document))
        mock = f"{ours}/mock/{PROJECT}"
        differences = [d for request in REQUESTS if (d := _compare(mock, theirs, *request))]
        for line in differences:
            print("DIFFERENT:", line)
        print(f"{len(REQUESTS) - len(differences)} of {len(REQUESTS)} requests answered alike.")
        rates = {"mock": _rate(mock + MEASURED, args), "prism": _rate(theirs + MEASURED, args)}
    ratio = rates["mock"] / rates["prism"]
    print(f"\n{machine('sqlite')}\ngunicorn {args.workers} sync workers against one Prism process, "
          f"wrk -t2 -c{args.connections}, {args.duration} s each, GET {MEASURED}")  # fmt: skip
    print(f"mock   {rates['mock']:>9.1f} req/s\nprism  {rates['prism']:>9.1f} req/s")
    print(f"ratio  {ratio:>9.2f} × Prism (goal ≥ {GOAL})")
    report = {"when": datetime.now().isoformat(timespec="seconds"), "rates": rates,
              "ratio": round(ratio, 2), "differences": differences}  # fmt: skip
    (folder / "results.json").write_text(json.dumps(report, indent=2))
    return 1 if differences or ratio < GOAL else 0


def _arguments(argv):
    parser = argparse.ArgumentParser(
        prog="python -m bench.prism", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--duration", type=int, default=8, help="seconds per server (default 8)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    return parser.parse_args(argv)


@contextlib.contextmanager
def _prism(folder, document):
    port = _free_port()
    command = [str(PRISM), "mock", "--host", "127.0.0.1", "--port", str(port), str(document)]
    with open(folder / "prism.log", "w") as log:
        process = subprocess.Popen(command, stdout=log, stderr=log)  # noqa: S603
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_for(url + MEASURED, process)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=30)


def _wait_for(url: str, process, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Prism exited with {process.returncode}; see prism.log")
        with contextlib.suppress(OSError):
            urllib.request.urlopen(url, timeout=2).close()  # noqa: S310
            return
        time.sleep(0.2)
    raise TimeoutError(f"Prism did not come up in {timeout} s")


def _call(url: str, method: str, headers: dict, body) -> tuple[int, object]:
    data = None if body is None else json.dumps(body).encode()
    headers = headers | ({"Content-Type": "application/json"} if data else {})
    request = urllib.request.Request(url, data=data, method=method, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    try:
        return status, json.loads(raw) if raw else None
    except ValueError:
        return status, raw.decode(errors="replace")


def _compare(mock: str, prism: str, method: str, path: str, headers: dict, body) -> str | None:
    """None when both answer alike: status; body for a success; locations for a 422."""
    (ours, our_body), (theirs, their_body) = (
        _call(base + path, method, headers, body) for base in (mock, prism)
    )
    what = f"{method} {path} {headers or ''}"
    if ours != theirs:
        return f"{what}: the mock says {ours}, Prism {theirs}"
    if 200 <= ours < 300 and our_body != their_body:
        return f"{what}: different bodies"
    if ours == 422 and _locations(our_body) != _locations(their_body):
        return f"{what}: validation {_locations(our_body)} vs {_locations(their_body)}"
    return None


def _locations(body) -> list:
    items = body.get("validation", []) if isinstance(body, dict) else []
    return sorted(item["location"] for item in items)


def _rate(url: str, args) -> float:
    for _ in range(3):
        urllib.request.urlopen(url, timeout=10).close()  # noqa: S310
    command = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--timeout", "5s"]
    output = subprocess.run(  # noqa: S603
        [*command, "-s", str(REPORTER), url], capture_output=True, text=True, check=True
    ).stdout
    numbers = json.loads(output.strip().splitlines()[-1])
    return round(numbers["requests"] / numbers["seconds"], 1)


if __name__ == "__main__":
    sys.exit(main())
