"""The URLs the benchmark drives. Add a line to measure another page.

`server` picks the gunicorn the URL is sent to: "cached" runs the default file-system cache,
"uncached" the same app with CACHE_URL=null. `goal` is the least throughput, as a share of
/healthz on the same run, that the page must reach.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    server: str = "cached"
    goal: float | None = None


BASELINE = Target("healthz", "/healthz")

TARGETS = [
    BASELINE,
    Target("hub, cached", "/", goal=0.8),
    Target("hub, uncached", "/", server="uncached"),
    Target("feed, cached", "/updates"),
    Target("feed, uncached", "/updates", server="uncached"),
    Target("board, cached", "/board", goal=0.3),
    Target("board, uncached", "/board", server="uncached"),
    Target("contract page, cached", "/contracts/1"),
    Target("learners, cached", "/learners"),
    Target("profile, cached", "/u/ada"),
    # A demo contract's mock (GET /api/v1/products/{id} of E-commerce API): no session, no SQL.
    Target("mock", "/mock/e-commerce-api/api/v1/products/42", goal=0.7),
]
