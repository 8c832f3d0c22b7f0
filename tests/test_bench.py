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
    assert all(sizes for sizes in report["worker_memory_mb"].values())
    assert "× healthz" in done.stdout and "SQL" in done.stdout


def test_growth_divides_out_the_machine_and_fails_a_page_that_slows_with_the_data(tmp_path, capsys):
    from bench import growth

    def run(folder, healthz, board, hub):
        folder.mkdir()
        results = [{"name": n, "p50_ms": ms} for n, ms in
                   (("healthz", healthz), ("board", board), ("hub", hub))]  # fmt: skip
        (folder / "results.json").write_text(json.dumps({"results": results}))
        return str(folder)

    small = run(tmp_path / "small", healthz=10, board=20, hub=30)
    # The whole machine twice as slow: the board kept its speed, the hub grew 1.5 × on its own.
    large = run(tmp_path / "large", healthz=20, board=40, hub=90)
    assert growth.main([small, large]) == 1
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()[1:]}
    assert lines["board"].endswith("met") and "1.00" in lines["board"]
    assert lines["hub"].endswith("MISSED") and "1.50" in lines["hub"]
