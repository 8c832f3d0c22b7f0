"""How much slower each page is at 10,000 contracts than at 100: `python -m bench.growth SMALL
LARGE`, two `bench/run --out` folders (`--size smoke` is 100 contracts, `--size large` 10,000).

Issue 18's goal is a p50 latency at most 1.3 × the small one's. Two runs are minutes apart on
a shared machine, so next to the raw ratio it prints the same ratio with each run's /healthz
p50 divided out (the /healthz measured around that page, where the runs have it): the share
of the slowdown that is the page's, not the machine's.
"""

import json
import sys
from pathlib import Path

GOAL = 1.3


def main(argv=None) -> int:
    folders = argv if argv is not None else sys.argv[1:]
    if len(folders) != 2:
        sys.exit(__doc__)
    small, large = (_results(Path(folder)) for folder in folders)
    heading = f"{'p50 small':>10} {'p50 large':>10} {'× raw':>7} {'× vs healthz':>13}"
    print(f"{'URL':<34} {heading}  goal")
    base_small, base_large = small["healthz"]["p50_ms"], large["healthz"]["p50_ms"]
    missed = 0
    for name, result in large.items():
        if name == "healthz" or name not in small:
            continue
        before, after = small[name]["p50_ms"], result["p50_ms"]
        around_small = small[name].get("healthz_p50_ms", base_small)
        around_large = result.get("healthz_p50_ms", base_large)
        raw, fair = after / before, (after / around_large) / (before / around_small)
        verdict = "met" if fair <= GOAL else "MISSED"
        missed += verdict == "MISSED"
        numbers = f"{before:>10.1f} {after:>10.1f} {raw:>7.2f} {fair:>13.2f}"
        print(f"{name:<34} {numbers}  ≤ {GOAL}: {verdict}")
    return 1 if missed else 0


def _results(folder: Path) -> dict[str, dict]:
    found = json.loads((folder / "results.json").read_text())
    return {result["name"]: result for result in found["results"]}


if __name__ == "__main__":
    sys.exit(main())
