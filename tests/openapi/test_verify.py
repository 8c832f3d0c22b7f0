"""`flask nexus verify` against a small backend started here: some endpoints keep their contract,
some break it (wrong status, a missing key); --record puts the result on the board."""

import json

import pytest
from sqlalchemy import select

from nexus_board.board.specs import ResponseDraft
from nexus_board.extensions import db
from nexus_board.models import Verification

from ..board.factories import PRODUCT
from ..contracts_as_code import order_contract
from ..services import JSONHandler, local_http

LIST = {"count": 1, "results": [PRODUCT]}


class Backend(JSONHandler):
    """A stand-in for a learner's Django app."""

    seen: list = []
    healthy = False  # True: the health endpoint keeps its contract too

    def do_GET(self):  # noqa: N802
        self.seen.append(("GET", self.path, self.headers.get("Authorization")))
        if self.path == "/api/v1/products":
            self.send_json(200, LIST)
        elif self.path == "/api/v1/products/7":
            self.send_json(200, {k: v for k, v in PRODUCT.items() if k != "price"})  # a key is gone
        elif self.path == "/api/v1/health" and self.healthy:
            self.send_json(200, {"status": "ok"})
        elif self.path == "/api/v1/health":
            self.send_json(500, {"detail": "Server error"})  # the wrong status
        else:
            self.send_json(404, {"detail": "Not found."})

    def do_POST(self):  # noqa: N802
        body = self.json_body()
        self.seen.append(("POST", self.path, body))
        self.send_json(201, {"id": 1001, "status": "pending"})


@pytest.fixture
def backend():
    Backend.seen = []
    with local_http(Backend) as url:
        yield url


@pytest.fixture
def project(app, contract, cast):
    contract(
        path="/api/v1/products",
        summary="List products",
        responses=[ResponseDraft(200, "", json.dumps(LIST))],
    )
    contract()  # GET /api/v1/products/{id}: 200 with PRODUCT, 404
    contract(
        path="/api/v1/health",
        summary="Health",
        responses=[ResponseDraft(200, "", '{"status": "ok"}')],
    )
    order_contract(app, cast["ada"])  # POST /api/v1/orders: 201, 400


def verify(runner, *args):
    return runner.invoke(args=["nexus", "verify", *args])


def lines(result) -> dict[str, str]:
    """Each table row by its request."""
    found = {}
    for line in result.output.splitlines():
        for method in ("GET", "POST"):
            if f"{method} /" in line:
                found[line.split(f"{method} ", 1)[1].split()[0]] = line
    return found


def test_verify_reports_matches_and_mismatches_and_fails(app, runner, backend, project):
    result = verify(
        runner,
        "E-commerce API",
        "--base-url",
        backend,
        "--param",
        "id=7",
        "--header",
        "Authorization: Bearer t0k",
    )
    assert result.exit_code == 1
    rows = lines(result)
    assert rows["/api/v1/products"].startswith("✓")
    assert rows["/api/v1/products/7"].startswith("✗")
    assert "$: 'price' is a required property" in rows["/api/v1/products/7"]
    assert rows["/api/v1/health"].startswith("✗")
    assert "Expected 200, got 500." in rows["/api/v1/health"]
    assert rows["/api/v1/orders"].startswith("–")
    assert "Skipped: it may change data (pass --all to call it)." in rows["/api/v1/orders"]
    assert "1 passed, 2 failed, 1 skipped." in result.output
    assert ("GET", "/api/v1/products/7", "Bearer t0k") in Backend.seen
    assert not any(method == "POST" for method, *_ in Backend.seen)  # safe methods only
    with app.app_context():
        assert db.session.scalar(select(Verification)) is None  # not recorded


def test_all_calls_unsafe_methods_with_the_request_example(runner, backend, project):
    result = verify(runner, "e-commerce-api", "--base-url", backend, "--all")
    assert lines(result)["/api/v1/orders"].startswith("✓")
    assert (
        "POST",
        "/api/v1/orders",
        {"items": [{"product_id": 42, "quantity": 2}]},
    ) in Backend.seen
    # Without --param, path parameters are 1: the backend has no product 1.
    assert "Expected 200, got 404 (the contract lists it" in lines(result)["/api/v1/products/1"]


def test_record_puts_verified_marks_on_the_board(app, client, runner, backend, project):
    result = verify(runner, "E-commerce API", "--base-url", backend, "--param", "id=7", "--record")
    assert "Recorded 3 results on the board (environment default)." in result.output
    with app.app_context():
        checks = {v.contract_id: v for v in db.session.scalars(select(Verification))}
        assert sorted(v.passed for v in checks.values()) == [False, False, True]
        assert all(v.base_url == backend and v.contract_version == 1 for v in checks.values())
    board = client.get("/board").get_data(as_text=True)
    assert board.count("Verified ✓") == 1 and board.count("Verify failed ✗") == 2
    page = client.get("/contracts/3").get_data(as_text=True)  # health
    assert "Verification failed ✗" in page and "Expected 200, got 500." in page
    assert client.get("/api/v1/contracts/1").json["verification"]["passed"] is True


def test_everything_matching_exits_zero(runner, backend, contract):
    contract(
        project="Catalog",
        path="/api/v1/products",
        summary="List",
        responses=[ResponseDraft(200, "", json.dumps(LIST))],
    )
    result = verify(runner, "catalog", "--base-url", backend)
    assert result.exit_code == 0, result.output
    assert "1 passed, 0 failed, 0 skipped." in result.output


def test_an_unreachable_backend_fails_every_call(runner, project):
    from ..services import free_port

    result = verify(runner, "e-commerce-api", "--base-url", f"http://127.0.0.1:{free_port()}")
    assert result.exit_code == 1
    assert result.output.count("No answer:") == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["nope", "--base-url", "http://127.0.0.1:1"],
            "No project 'nope'. Projects: e-commerce-api.",
        ),
        (["e-commerce-api", "--base-url", "ftp://x"], "use an http:// or https:// URL"),
        (["e-commerce-api", "--base-url", "http://x", "--param", "id"], "use NAME=VALUE"),
    ],
)
def test_bad_arguments_say_what_to_fix(runner, project, args, message):
    result = verify(runner, *args)
    assert result.exit_code != 0
    assert message in result.output
