"""The URLs the benchmark drives. Add a line to measure another page.

`server` picks the gunicorn the URL is sent to: "cached" runs the default file-system cache,
"uncached" the same app with CACHE_URL=null. `viewer` signs the requests in as that demo
learner. `goal` is the least throughput, as a share of /healthz on the same run, that the page
must reach (issue 18's goals at 10,000 contracts; docs/benchmarks.md says which are met).
`writes` measures it while another learner claims and unclaims a contract every 200 ms
(bench/writer.py). `{contract}` and `{deep_cursor}` in a path are filled from the seeded data
(dataset.landmarks).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    server: str = "cached"
    goal: float | None = None
    viewer: str | None = None
    writes: bool = False  # another learner claims and unclaims a contract every 200 ms meanwhile

    def url_path(self, landmarks: dict[str, str]) -> str:
        return self.path.format(**landmarks)


BASELINE = Target("healthz", "/healthz")

TARGETS = [
    BASELINE,
    Target("hub, cached", "/", goal=0.8),
    Target("hub, uncached", "/", server="uncached"),
    Target("hub signed in, uncached", "/", server="uncached", viewer="ada", goal=0.1),
    Target("feed, cached", "/updates"),
    Target("feed, uncached", "/updates", server="uncached"),
    Target("feed 50 deep, uncached", "/updates?before={deep_cursor}", server="uncached", goal=0.2),
    Target("board, cached", "/board", goal=0.3),
    Target("board, uncached", "/board", server="uncached"),
    Target("board signed in, cached", "/board", viewer="gabriel", goal=0.3),
    Target("board signed in, uncached", "/board", server="uncached", viewer="gabriel", goal=0.1),
    Target("board signed in, writes", "/board", viewer="gabriel", goal=0.3, writes=True),
    Target("contract page, cached", "/contracts/{contract}"),
    Target("contract page, uncached", "/contracts/{contract}", server="uncached", goal=0.2),
    Target("learners, cached", "/learners"),
    Target("learners search, uncached", "/learners?q=django", server="uncached", goal=0.2),
    Target("profile, cached", "/u/ada"),
    Target("profile, uncached", "/u/ada", server="uncached", goal=0.2),
    # A demo contract's mock (GET /api/v1/products/{id} of E-commerce API): no session, no SQL.
    Target("mock", "/mock/e-commerce-api/api/v1/products/42", goal=0.7),
]
