"""One URL under wrk: throughput, latency, SQL statements per request and response size."""

import json
import re
import subprocess
import urllib.request
from pathlib import Path

from .servers import METRICS_TOKEN

REPORTER = Path(__file__).with_name("report.lua")
SERIES = re.compile(r"^(nexus_http_requests_total|nexus_sql_statements_total)\{(.*)\} (\S+)$")
SCRAPE = 'endpoint="operations.prometheus"'


def _get(url: str, headers: dict) -> bytes:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310  (our own 127.0.0.1)
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return response.read()


def counts(base_url: str) -> tuple[float, float]:
    """Requests answered and SQL statements sent so far, by every worker (scrapes excluded)."""
    text = _get(f"{base_url}/metrics", {"Authorization": f"Bearer {METRICS_TOKEN}"}).decode()
    totals = {"nexus_http_requests_total": 0.0, "nexus_sql_statements_total": 0.0}
    for line in text.splitlines():
        found = SERIES.match(line)
        if found and SCRAPE not in found.group(2):
            totals[found.group(1)] += float(found.group(3))
    return totals["nexus_http_requests_total"], totals["nexus_sql_statements_total"]


def measure(name: str, url: str, base_url: str, cookie: str | None, args, quiet=False) -> dict:
    headers = {"Cookie": cookie} if cookie else {}
    for _ in range(3):  # fills the cache, and fails early on a broken page
        body = _get(url, headers)
    if not quiet:
        print(f"  {name:<28} {url.removeprefix(base_url)[:60]} …", flush=True)
    requests_before, statements_before = counts(base_url)
    command = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--timeout", "5s"]
    command += [item for key, value in headers.items() for item in ("-H", f"{key}: {value}")]
    output = subprocess.run(  # noqa: S603
        [*command, "-s", str(REPORTER), url], capture_output=True, text=True, check=True
    ).stdout
    requests_after, statements_after = counts(base_url)
    numbers = json.loads(output.strip().splitlines()[-1])
    answered = max(requests_after - requests_before, 1)
    return {
        "requests_per_second": round(numbers["requests"] / numbers["seconds"], 1),
        "errors": numbers["errors"],
        **{f"{p}_ms": round(numbers[p] / 1000, 2) for p in ("p50", "p90", "p99", "max")},
        "statements": round((statements_after - statements_before) / answered, 1),
        "bytes": len(body),
    }
