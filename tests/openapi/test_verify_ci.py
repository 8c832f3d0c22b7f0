"""Verification a CI can gate on: JUnit XML, recorded runs with a conformance score and its
history, can-i-deploy's exit codes, and --fuzz catching a backend that breaks one rule."""

import json
from xml.etree import ElementTree as ET

import pytest
from sqlalchemy import select

from nexus_board.board.specs import ResponseDraft
from nexus_board.extensions import db
from nexus_board.models import VerificationRun

from ..board.factories import PRODUCT
from ..services import JSONHandler, local_http
from . import test_verify

backend, project, verify = test_verify.backend, test_verify.project, test_verify.verify

ARGS = ["--base-url", "{backend}", "--param", "id=7"]


def run_verify(runner, backend, *extra):
    args = [arg.format(backend=backend) for arg in ARGS]
    return verify(runner, "E-commerce API", *args, *extra)


def test_junit_has_one_test_case_per_contract(runner, backend, project, tmp_path):
    path = tmp_path / "verify.xml"
    result = run_verify(runner, backend, "--junit", str(path))
    assert result.exit_code == 1
    suite = ET.parse(path).getroot().find("testsuite")  # noqa: S314 (our own output)
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("4", "2", "1")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert sorted(cases) == [
        "GET /api/v1/health",
        "GET /api/v1/products",
        "GET /api/v1/products/7",
        "POST /api/v1/orders",
    ]
    assert cases["GET /api/v1/health"].find("failure").get("message") == "Expected 200, got 500."
    assert cases["GET /api/v1/products"].find("failure") is None
    assert cases["POST /api/v1/orders"].find("skipped") is not None


def test_recorded_runs_give_the_project_a_score_with_history(app, client, runner, backend,
                                                             project):  # fmt: skip
    run_verify(runner, backend, "--record", "--env", "staging")
    run_verify(runner, backend, "--record", "--env", "staging", "--all")
    with app.app_context():
        runs = db.session.scalars(select(VerificationRun).order_by(VerificationRun.id)).all()
        assert [(r.environment, r.conforming, r.contracts) for r in runs] == [
            ("staging", 1, 4),
            ("staging", 2, 4),  # the order passes too once it is called
        ]
    page = client.get("/projects/e-commerce-api/api").get_data(as_text=True)
    assert 'staging: <span class="conformance-score">50%</span>' in page
    assert page.count("25%") == 1 and "2 of 4 contracts passed" in page


def test_a_failing_contract_says_why_on_its_card(client, runner, backend, project):
    run_verify(runner, backend, "--record", "--env", "staging")
    board = client.get("/board").get_data(as_text=True)
    assert "Why the check failed on staging: Expected 200, got 500." in board


def test_can_i_deploy_exits_zero_only_when_every_integrated_contract_passed(
    app, runner, backend, contract, cast
):
    listing = ResponseDraft(200, "", json.dumps({"count": 1, "results": [PRODUCT]}))
    contract(state="claimed", path="/api/v1/products", summary="List", responses=[listing])
    contract(state="done", path="/api/v1/health", summary="Health",
             responses=[ResponseDraft(200, "", '{"status": "ok"}')])  # fmt: skip
    contract(path="/api/v1/products/{id}")  # open: nobody integrates it, it does not gate

    never = runner.invoke(args=["nexus", "can-i-deploy", "E-commerce API", "--env", "staging"])
    assert never.exit_code == 1
    assert "GET /api/v1/health: never verified against staging." in never.output

    verify(runner, "E-commerce API", "--base-url", backend, "--record", "--env", "staging")
    blocked = runner.invoke(args=["nexus", "can-i-deploy", "E-commerce API", "--env", "staging"])
    assert blocked.exit_code == 1
    assert "GET /api/v1/health: its last check failed: Expected 200, got 500." in blocked.output
    assert "/api/v1/products:" not in blocked.output

    elsewhere = runner.invoke(args=["nexus", "can-i-deploy", "E-commerce API", "--env", "prod"])
    assert elsewhere.exit_code == 1 and "never verified against prod" in elsewhere.output

    test_verify.Backend.healthy = True
    try:
        verify(runner, "E-commerce API", "--base-url", backend, "--record", "--env", "staging")
    finally:
        test_verify.Backend.healthy = False
    ok = runner.invoke(args=["nexus", "can-i-deploy", "E-commerce API", "--env", "staging"])
    assert ok.exit_code == 0, ok.output
    assert ok.output.startswith("Yes:")


class Breaking(JSONHandler):
    """A backend that keeps its contract except one rule: it sends the price as a number."""

    def do_GET(self):  # noqa: N802
        if self.path.startswith("/api/v1/products/"):
            self.send_json(200, PRODUCT | {"price": 9.9})
        else:
            self.send_json(404, {"detail": "Not found."})


@pytest.fixture
def breaking():
    with local_http(Breaking) as url:
        yield url


def test_fuzz_catches_the_broken_rule_with_a_curl_line(runner, breaking, contract, tmp_path):
    contract(responses=[ResponseDraft(200, "", json.dumps(PRODUCT))])  # price is a string
    path = tmp_path / "fuzz.xml"
    result = verify(runner, "E-commerce API", "--base-url", breaking, "--fuzz", "5",
                    "--param", "id=7", "--junit", str(path))  # fmt: skip
    assert result.exit_code == 1
    assert "✗ fuzz GET /api/v1/products/{id}" in result.output
    assert "Response violates schema" in result.output
    assert f"curl -X GET {breaking}/api/v1/products/" in result.output
    failure = ET.parse(path).getroot().find("testsuite/testcase/failure")  # noqa: S314
    assert "curl -X GET" in failure.text
