"""`flask nexus verify` on a GraphQL project, against a small graphql-core server started here
that keeps one operation's contract and breaks another's."""

import json
from xml.etree import ElementTree as ET

import pytest
from graphql import build_schema, graphql_sync
from sqlalchemy import select

from nexus_board.extensions import db
from nexus_board.models import Verification

from ..services import JSONHandler, local_http
from .factories import SDL_V1, post, prices

SCHEMA = build_schema(SDL_V1)
PRODUCTS = [{"id": "1", "name": "Shoe", "price": None, "category": "FOOD", "tags": []}]


def broken_price(info):
    raise ValueError("the price service is down")


class Root:
    """The backend's resolvers: `price` fails, so ProductPrices answers errors; ProductList
    keeps its contract."""

    def products(self, info, first=10, category=None):
        return [dict(p, price=broken_price) for p in PRODUCTS][:first]


class Backend(JSONHandler):
    seen: list = []

    def do_POST(self):  # noqa: N802
        body = self.json_body()
        self.seen.append((self.path, body))
        result = graphql_sync(SCHEMA, body["query"], root_value=Root(),
                              variable_values=body.get("variables"),
                              operation_name=body.get("operationName"))  # fmt: skip
        answer = {"data": result.data} | (
            {"errors": [e.formatted for e in result.errors]} if result.errors else {}
        )
        self.send_json(200, answer)


@pytest.fixture
def backend():
    Backend.seen = []
    with local_http(Backend) as url:
        yield url


@pytest.fixture
def operations(app, shop):
    with app.app_context():
        return {"list": post(shop["ada"]), "prices": post(shop["ada"], **prices())}


def test_verify_runs_each_operation_with_its_variables_and_judges_the_data(
    app, operations, backend, runner
):
    result = runner.invoke(
        args=["nexus", "verify", "Shop GraphQL", "--base-url", backend, "--record"]
    )
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("✓") and "query ProductList" in line for line in lines), (
        result.output
    )
    broken = next(line for line in lines if "query ProductPrices" in line)
    assert (
        broken.startswith("✗")
        and "It answered errors:" in broken
        and "the price service is down" in broken
    )
    assert ("/graphql", {"query": Backend.seen[0][1]["query"], "operationName": "ProductList",
                         "variables": {"first": 2}}) in Backend.seen  # fmt: skip
    assert "1 passed, 1 failed, 0 skipped." in result.output
    with app.app_context():
        rows = {row.contract_id: row.passed for row in db.session.scalars(select(Verification))}
    assert rows == {operations["list"]: True, operations["prices"]: False}


def test_mutations_are_skipped_unless_all(app, shop, backend, runner):
    from .factories import PLACE_ORDER, PLACE_ORDER_EXAMPLE

    with app.app_context():
        post(shop["ada"], document=PLACE_ORDER, response_example=json.dumps(PLACE_ORDER_EXAMPLE),
             variables_example=json.dumps({"input": {"productId": "1", "quantity": 1}}))  # fmt: skip
    result = runner.invoke(args=["nexus", "verify", "Shop GraphQL", "--base-url", backend])
    assert "Skipped: it may change data" in result.output and Backend.seen == []


def test_verify_junit_has_one_case_per_operation_and_fails_the_broken_one(
    operations, backend, runner, tmp_path
):
    report = tmp_path / "verify.xml"
    result = runner.invoke(
        args=["nexus", "verify", "Shop GraphQL", "--base-url", backend, "--junit", str(report)]
    )
    assert result.exit_code == 1, result.output
    suite = ET.parse(report).getroot().find("testsuite")  # noqa: S314 (our own output)
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("2", "1", "0")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert cases["query ProductList"].find("failure") is None
    failure = cases["query ProductPrices"].find("failure")
    assert "the price service is down" in failure.get("message")
