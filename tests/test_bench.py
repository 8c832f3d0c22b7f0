"""`bench/run --smoke` on both engines, so the benchmark cannot rot between its real runs.

Tiny data and one second per URL: the numbers mean nothing here, only that every target is
seeded, served, signed in where it says, driven by wrk and counted.
"""

import json
import shutil
import subprocess
import sys

import pytest

from bench.targets import TARGETS

from .services import ROOT

pytestmark = pytest.mark.services


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_smoke_run_measures_every_target(tmp_path, engine):
    if shutil.which("wrk") is None:
        pytest.fail("wrk is missing: `make test` installs it")
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--db", engine, "--out", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    report = json.loads((tmp_path / "results.json").read_text())
    assert [r["name"] for r in report["results"]] == [t.name for t in TARGETS]
    for result in report["results"]:
        assert result["errors"] == 0 and result["requests_per_second"] > 0, result["name"]
        assert result["bytes"] > 0 and result["statements"] >= 0, result["name"]
    healthz = report["results"][0]
    assert healthz["statements"] == 1.0  # counted at the engine: its one SELECT 1
    assert len(healthz["measured"]) == len(TARGETS)  # at the start, then after every other URL
    assert all(r["healthz_requests_per_second"] > 0 for r in report["results"][1:])
    assert all(sizes for sizes in report["worker_memory_mb"].values())
    assert "× healthz" in done.stdout and "SQL" in done.stdout


def test_growth_divides_out_the_machine_and_fails_a_page_that_slows_with_the_data(tmp_path, capsys):
    from bench import growth

    def run(folder, healthz, board, hub, around_hub=None):
        folder.mkdir()
        results = [{"name": n, "p50_ms": ms} for n, ms in
                   (("healthz", healthz), ("board", board), ("hub", hub))]  # fmt: skip
        if around_hub:  # the /healthz measured next to the hub, where the run has it
            results[2]["healthz_p50_ms"] = around_hub
        (folder / "results.json").write_text(json.dumps({"results": results}))
        return str(folder)

    small = run(tmp_path / "small", healthz=10, board=20, hub=30)
    # The whole machine twice as slow: the board kept its speed, the hub grew 1.5 × on its own.
    large = run(tmp_path / "large", healthz=20, board=40, hub=90)
    assert growth.main([small, large]) == 1
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()[1:]}
    assert lines["board"].endswith("met") and "1.00" in lines["board"]
    assert lines["hub"].endswith("MISSED") and "1.50" in lines["hub"]

    # The machine slowed again while the large run measured the hub: that is divided out too.
    drifted = run(tmp_path / "drifted", healthz=20, board=40, hub=90, around_hub=30)
    assert growth.main([small, drifted]) == 0
    assert "1.00" in capsys.readouterr().out.splitlines()[2]


def test_each_ratio_is_to_the_healthz_measured_around_it_not_at_the_start():
    from bench import report

    # /healthz did 1,000 req/s at the start; the machine then slowed to half its speed.
    results = [
        {"name": "healthz", "requests_per_second": 1000, "goal": None},
        {"name": "early", "requests_per_second": 300, "goal": 0.3,
         "healthz_requests_per_second": 1000},
        {"name": "late", "requests_per_second": 150, "goal": 0.3,
         "healthz_requests_per_second": 500},
        {"name": "slow", "requests_per_second": 100, "goal": 0.3,
         "healthz_requests_per_second": 500},
    ]  # fmt: skip
    report.judge(results)
    ratios = {r["name"]: (r["ratio"], r["missed"]) for r in results}
    assert ratios == {"healthz": (1.0, False), "early": (0.3, False), "late": (0.3, False),
                      "slow": (0.2, True)}  # fmt: skip
