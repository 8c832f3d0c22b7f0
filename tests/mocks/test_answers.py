"""Choosing the mock's answer: named examples, dispatch rules, generated data, validation."""

import json

import pytest

from nexus_board.board.specs import ResponseDraft
from nexus_board.errors import Invalid
from nexus_board.schemas.validation import errors

MOCK = "/mock/shop"
PRODUCT = {"id": 1, "name": "Lamp", "price": 12.5}
SCHEMA = {
    "type": "object",
    "required": ["id", "name", "price"],
    "properties": {
        "id": {"type": "integer", "minimum": 1},
        "name": {"type": "string", "minLength": 1, "maxLength": 30},
        "price": {"type": "number", "minimum": 0},
        "email": {"type": "string", "format": "email"},
        "lines": {"type": "array", "items": {"$ref": "#/components/schemas/Line"}},
    },
}
LINE = {
    "type": "object",
    "required": ["sku", "quantity"],
    "properties": {"sku": {"type": "string"}, "quantity": {"type": "integer", "minimum": 1}},
}
ORDER = {
    "type": "object",
    "required": ["lines"],
    "properties": {"lines": {"type": "array", "items": {"$ref": "#/components/schemas/Line"}}},
}


@pytest.fixture
def product(contract):
    """GET /products/{id}: 200 (default, and "sale"), 404 ("missing"); rules on id and ?view."""
    return contract(
        project="Shop",
        path="/products/{id}",
        parameters=json.dumps(
            [
                {"name": "id", "in": "path", "schema": {"type": "integer", "minimum": 0}},
                {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
            ]
        ),
        components=json.dumps({"Line": LINE}),
        responses=[
            ResponseDraft(
                200,
                "",
                json.dumps(PRODUCT),
                json.dumps(SCHEMA),
                json.dumps({"sale": PRODUCT | {"price": 9.99}}),
            ),
            ResponseDraft(
                404,
                "",
                json.dumps({"detail": "No such product."}),
                "",
                json.dumps({"missing": {"detail": "Product 0 never exists."}}),
            ),
        ],  # fmt: skip
        dispatch=json.dumps(
            [
                {"in": "path", "name": "id", "equals": "0", "status": 404, "example": "missing"},
                {"in": "query", "name": "view", "equals": "sale", "status": 200, "example": "sale"},
            ]
        ),  # fmt: skip
    )


@pytest.fixture
def order(contract):
    """POST /orders (auth required): 201; a rule on the body's customer.tier."""
    return contract(
        project="Shop",
        method="POST",
        path="/orders",
        auth_required=True,
        request_example=json.dumps({"lines": [{"sku": "A1", "quantity": 1}]}),
        request_schema=json.dumps(ORDER),
        components=json.dumps({"Line": LINE}),
        responses=[
            ResponseDraft(
                201, "", json.dumps({"id": 7}), "", json.dumps({"vip": {"id": 7, "priority": True}})
            ),
        ],  # fmt: skip
        dispatch=json.dumps(
            [
                {
                    "in": "body",
                    "name": "customer.tier",
                    "equals": "gold",
                    "status": 201,
                    "example": "vip",
                }
            ]
        ),  # fmt: skip
    )


AUTH = {"Authorization": "Bearer anything"}


def test_the_first_2xx_default_example_answers_without_preferences(client, product):
    response = client.get(f"{MOCK}/products/5")
    assert response.status_code == 200
    assert response.json == PRODUCT
    assert response.headers["X-Mock-Example"] == "default"


@pytest.mark.parametrize(
    ("prefer", "status", "body"),
    [
        ("example=sale", 200, PRODUCT | {"price": 9.99}),
        ("code=404", 404, {"detail": "No such product."}),
        ("code=404, example=missing", 404, {"detail": "Product 0 never exists."}),
        ("example=missing", 404, {"detail": "Product 0 never exists."}),
    ],
)
def test_prefer_picks_a_named_example_and_a_status(client, product, prefer, status, body):
    response = client.get(f"{MOCK}/products/5", headers={"Prefer": prefer})
    assert (response.status_code, response.json) == (status, body)


def test_an_unknown_example_name_says_which_there_are(client, product):
    response = client.get(f"{MOCK}/products/5", headers={"Prefer": "example=nope"})
    assert response.status_code == 400
    assert (
        response.json["detail"]
        == "No example named 'nope'; the contract has default, missing, sale."
    )


def test_a_path_parameter_rule_picks_the_missing_example(client, product):
    response = client.get(f"{MOCK}/products/0")
    assert response.status_code == 404
    assert response.json == {"detail": "Product 0 never exists."}
    assert response.headers["X-Mock-Example"] == "missing"


def test_a_query_parameter_rule_picks_its_example(client, product):
    response = client.get(f"{MOCK}/products/3?view=sale")
    assert response.json == PRODUCT | {"price": 9.99}


def test_prefer_wins_over_a_rule(client, product):
    response = client.get(f"{MOCK}/products/0", headers={"Prefer": "code=200"})
    assert (response.status_code, response.json) == (200, PRODUCT)


def test_a_body_field_rule_picks_its_example(client, order):
    body = {"lines": [{"sku": "A1", "quantity": 2}], "customer": {"tier": "gold"}}
    response = client.post(f"{MOCK}/orders", json=body, headers=AUTH)
    assert (response.status_code, response.json) == (201, {"id": 7, "priority": True})
    plain = client.post(f"{MOCK}/orders", json=body | {"customer": {"tier": "tin"}}, headers=AUTH)
    assert plain.json == {"id": 7}


def test_dynamic_answers_are_valid_against_the_schema_and_repeat_by_seed(client, product):
    answers = []
    for seed in (1, 1, 2):
        headers = {"Prefer": f"dynamic=true, seed={seed}"}
        response = client.get(f"{MOCK}/products/5", headers=headers)
        assert response.status_code == 200
        assert response.headers["X-Mock-Dynamic"] == "generated"
        assert errors(SCHEMA, response.json, {"Line": LINE}) == []
        answers.append(response.json)
    assert answers[0] == answers[1]
    assert answers[0] != answers[2]
    assert answers[0] != PRODUCT


def test_a_schema_the_generator_cannot_serve_answers_its_example(client, contract):
    patterned = {"type": "object", "properties": {"code": {"type": "string", "pattern": "^A"}}}
    reply = ResponseDraft(200, "", json.dumps({"code": "A1"}), json.dumps(patterned))
    contract(project="Shop", path="/codes/{id}", responses=[reply])
    response = client.get(f"{MOCK}/codes/1", headers={"Prefer": "dynamic=true"})
    assert response.json == {"code": "A1"}
    assert response.headers["X-Mock-Dynamic"] == "example"


def test_parameters_are_checked_with_prism_locations(client, product):
    response = client.get(f"{MOCK}/products/-3?page=zero")
    assert response.status_code == 422
    assert response.content_type == "application/problem+json"
    assert response.json["title"] == "Invalid request"
    assert [item["location"] for item in response.json["validation"]] == [
        ["path", "id"],
        ["query", "page"],
    ]


def test_a_body_is_checked_down_to_the_item(client, order):
    body = {"lines": [{"sku": "A1", "quantity": 1}, {"sku": "B2", "quantity": 0}]}
    response = client.post(f"{MOCK}/orders", json=body, headers=AUTH)
    assert response.status_code == 422
    assert response.json["validation"] == [
        {
            "location": ["body", "lines", "1", "quantity"],
            "severity": "Error",
            "code": "minimum",
            "message": "0 is less than the minimum of 1",
        }
    ]


def test_a_missing_authorization_header_is_a_401(client, order):
    response = client.post(f"{MOCK}/orders", json={"lines": []})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_a_rule_for_an_unlisted_status_or_example_is_refused(contract):
    rule = {"in": "path", "name": "id", "equals": "0", "status": 410}
    with pytest.raises(Invalid) as refused:
        contract(project="Shop", path="/x/{id}", dispatch=json.dumps([rule]))
    assert refused.value.errors["dispatch"].startswith("Rule 1: the contract lists no 410")
    with pytest.raises(Invalid) as refused:
        contract(project="Shop", path="/y/{id}",
                 dispatch=json.dumps([{"in": "path", "name": "id", "equals": "0", "status": 200,
                                       "example": "gone"}]))  # fmt: skip
    assert "has no example named 'gone'" in refused.value.errors["dispatch"]


def test_a_named_example_must_satisfy_the_response_schema(contract):
    with pytest.raises(Invalid) as refused:
        contract(project="Shop", path="/z/{id}", components=json.dumps({"Line": LINE}),
                 responses=[ResponseDraft(200, "", json.dumps(PRODUCT), json.dumps(SCHEMA),
                                          json.dumps({"bad": {"id": "one"}}))])  # fmt: skip
    assert "does not match its schema" in refused.value.errors["responses-0-examples"]
