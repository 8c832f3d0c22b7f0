"""Contracts with schemas: examples that break their schema are refused next to the field."""

import json

import pytest

from ..board.factories import PRODUCT
from ..contracts_as_code import bearer, make_token

PRICE = {"type": "object", "properties": {"price": {"type": "string", "format": "decimal",
         "pattern": "^\\\\d+\\\\.\\\\d{2}$"}}, "required": ["price"]}  # fmt: skip
FORM = {
    "project": "E-commerce API", "method": "POST", "path": "/api/v1/products",
    "summary": "Add a product", "request_example": '{"price": "9.90"}',
    "request_schema": "type: object\nproperties:\n  price: {type: string, pattern: '^\\d+\\.\\d{2}$'}\n"
                      "required: [price]\n",
    "responses-0-status_code": "201", "responses-0-example": json.dumps(PRODUCT),
    "responses-0-schema": '{"$ref": "#/components/schemas/Product"}',
    "components": json.dumps({"Product": {"type": "object", "properties": {"id": {"type": "integer"}},
                                          "required": ["id"]}}),
}  # fmt: skip


@pytest.fixture
def ada(client, auth, cast):
    auth.sign_in("ada")
    return client


def test_a_contract_keeps_its_schemas_and_shows_them(ada, app):
    response = ada.post("/contracts/new", data=FORM)
    assert response.status_code == 303, response.get_data(as_text=True)
    page = ada.get(response.headers["Location"]).get_data(as_text=True)
    assert "Request body schema" in page and "Named schemas" not in page
    assert "<code>price</code>" in page and "matches ^\\d+\\.\\d{2}$" in page
    assert "Product" in page and "<code>id</code>" in page
    assert "inferred from the example" not in page


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        ({"request_example": '{"price": "9.9"}'}, "request_example",
         "The example does not match its schema: $.price: '9.9' does not match"),
        ({"request_example": "{}"}, "request_example", "$: 'price' is a required property"),
        ({"responses-0-example": '{"id": "seven"}'}, "responses-0-example",
         "$.id: 'seven' is not of type 'integer'"),
        ({"request_schema": '{"type": "object", "pattern": "(a)\\\\1"}'}, "request_schema",
         "cannot be checked in linear time"),
        ({"responses-0-schema": '{"$ref": "#/components/schemas/Nope"}'}, "responses-0-schema",
         "names no schema"),
        ({"components": "[1]"}, "components", "Write the named schemas as an object"),
        ({"parameters": '[{"name": "page"}]'}, "parameters", "Say where page goes"),
        ({"parameters": '[{"name": "id", "in": "path"}]'}, "parameters", "The path has no {id}"),
        ({"sunset": "2027-01-01"}, "sunset", "Mark the contract deprecated"),
        ({"deprecated": "y", "sunset": "soon"}, "sunset", "Use a date like 2027-06-30."),
    ],
)  # fmt: skip
def test_an_example_or_schema_that_does_not_fit_is_refused_next_to_its_field(
    ada, change, field, reason
):
    response = ada.post("/contracts/new", data=FORM | change)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    message = html.split(f'id="{field}-error"', 1)[1].split("</", 1)[0]
    assert reason in message.replace("&#39;", "'").replace("&#34;", '"').replace("&lt;", "<")


def test_the_api_refuses_an_example_that_breaks_its_schema_at_its_json_path(app, client, cast):
    token = bearer(make_token(app, cast["ada"]))
    body = {"project": "Shop", "method": "GET", "path": "/api/orders/{id}", "summary": "One",
            "parameters": [{"name": "id", "in": "path", "schema": {"type": "integer"}}],
            "responses": [{"status_code": 200, "example": {"status": "lost"},
                           "schema": {"type": "object", "properties": {"status": {"enum": ["paid"]}}}}]}  # fmt: skip
    refused = client.post("/api/v1/contracts", json=body, headers=token)
    assert refused.status_code == 422
    assert "'lost' is not one of ['paid']" in refused.json["errors"]["responses[0].example"]
    body["responses"][0]["example"] = {"status": "paid"}
    posted = client.post("/api/v1/contracts", json=body, headers=token)
    assert posted.status_code == 201
    assert posted.json["responses"][0]["schema"]["properties"]["status"] == {"enum": ["paid"]}
    assert posted.json["parameters"] == [
        {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
    ]
    assert posted.json["schema_source"] == "authored"
    assert client.get("/mock/shop/api/orders/7").status_code == 200
    document = client.get("/projects/shop/openapi.json").json
    operation = document["paths"]["/api/orders/{id}"]["get"]
    assert operation["parameters"][0]["schema"] == {"type": "integer"}
    assert "inferred" not in operation["x-nexus-board"]
