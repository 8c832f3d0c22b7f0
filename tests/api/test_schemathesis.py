"""Schemathesis against the API's own OpenAPI document: no 5xx, and every response conforms.

Bounded (a few examples per operation, derandomized) so the suite stays fast and repeatable.
The document is the one /api/v1/openapi.json serves (a test below checks they are the same).
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from nexus_board.api.spec import api_document

from ..contracts_as_code import bearer, make_token, order_contract

SERVER = "http://localhost/api/v1"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# A plain dict, built without an app: schemathesis' lazy fixture loader does not run on pytest 9.
schema = schemathesis.openapi.from_dict(api_document(SERVER))


@pytest.fixture
def token(app, contract, cast, make_update):
    """Data for every list (contracts in two states, an update) and a backend learner's token."""
    contract()
    contract(state="claimed", path="/api/v1/products")
    order_contract(app, cast["ada"])
    make_update(cast["gabriel"], "Integrating the mock #react @ada")
    return make_token(app, cast["ada"])


def test_the_tested_document_is_the_served_one(client):
    assert client.get("/api/v1/openapi.json").json == api_document(SERVER)


@schema.parametrize()
@settings(
    max_examples=6,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_answers_as_its_document_says(case, app, token):
    case.call_and_validate(app=app, headers=bearer(token), checks=CHECKS)
