"""Exporting a project's contracts: a valid OpenAPI 3.1 document, as JSON and YAML."""

import json

import pytest
import yaml
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

from nexus_board.board.specs import ResponseDraft

from ..board.factories import PRODUCT
from ..contracts_as_code import order_contract

URL = "/projects/e-commerce-api/openapi"


@pytest.fixture
def project(app, contract, cast):
    """Four contracts of E-commerce API, two sharing a path with other parameter names."""
    contract(state="claimed", description="Prices are **strings** (Decimal).")
    contract(
        path="/api/v1/products",
        summary="List products",
        tags="products, catalog",
        responses=[
            ResponseDraft(200, "", json.dumps({"count": 1, "next": None, "results": [PRODUCT]}))
        ],
    )
    contract(
        method="DELETE",
        path="/api/v1/products/{product_id}",
        summary="Delete a product",
        request_example='{"reason": "discontinued"}',
        auth_required=True,
        responses=[ResponseDraft(204, "Deleted", "")],
    )
    order_contract(app, cast["ada"])
    contract(project="Another project", path="/elsewhere")


def test_the_export_is_a_valid_openapi_3_1_document(client, project):
    document = client.get(f"{URL}.json").json
    validate(document, cls=OpenAPIV31SpecValidator)
    assert document["openapi"] == "3.1.0"
    assert document["info"]["title"] == "E-commerce API"
    assert document["servers"] == [
        {
            "url": "http://localhost/mock/e-commerce-api",
            "description": "Nexus Board mock server: answers with the examples",
        }
    ]
    assert list(document["paths"]) == [
        "/api/v1/orders",
        "/api/v1/products",
        "/api/v1/products/{id}",
    ]
    assert document["tags"] == [{"name": n} for n in ("catalog", "orders", "products")]
    assert document["components"]["securitySchemes"] == {
        "bearerAuth": {"type": "http", "scheme": "bearer"}
    }


def test_operations_carry_parameters_bodies_examples_and_inferred_schemas(client, project):
    paths = client.get(f"{URL}.json").json["paths"]
    get = paths["/api/v1/products/{id}"]["get"]
    assert get["summary"] == "Get one product"
    assert get["description"] == "Prices are **strings** (Decimal)."
    assert get["parameters"] == [
        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    ]
    ok = get["responses"]["200"]["content"]["application/json"]
    assert ok["example"] == PRODUCT
    assert ok["schema"]["required"] == ["id", "maker", "name", "price", "tags"]
    assert ok["schema"]["properties"]["maker"]["properties"]["id"] == {"type": "integer"}
    assert get["responses"]["404"] == {"description": "Not Found"}
    assert "security" not in get
    assert get["x-nexus-board"]["status"] == "claimed"

    order = paths["/api/v1/orders"]["post"]
    body = order["requestBody"]["content"]["application/json"]
    assert body["example"] == {"items": [{"product_id": 42, "quantity": 2}]}
    assert body["schema"]["properties"]["items"]["items"]["required"] == ["product_id", "quantity"]
    assert order["security"] == [{"bearerAuth": []}]
    assert set(order["responses"]) == {"201", "400"}

    # Another parameter name for the same path: the path's name is used, so the document
    # stays valid (OpenAPI forbids two templates that differ only in names).
    delete = paths["/api/v1/products/{id}"]["delete"]
    assert delete["parameters"][0]["name"] == "id"
    assert delete["responses"] == {"204": {"description": "Deleted"}}
    operation_ids = [op["operationId"] for item in paths.values() for op in item.values()]
    assert len(set(operation_ids)) == len(operation_ids) == 4


def test_json_and_yaml_say_the_same_and_download_as_files(client, project):
    as_json = client.get(f"{URL}.json")
    as_yaml = client.get(f"{URL}.yaml")
    assert as_json.content_type == "application/json"
    assert as_yaml.content_type == "application/yaml"
    assert yaml.safe_load(as_yaml.get_data(as_text=True)) == as_json.json
    download = client.get(f"{URL}.yaml?download=1")
    assert download.headers["Content-Disposition"] == (
        'attachment; filename="e-commerce-api.openapi.yaml"'
    )
    assert as_json.headers["Access-Control-Allow-Origin"] == "*"


def test_an_unchanged_document_answers_304_and_an_edit_changes_it(signed_in, app, make_user):
    form = {
        "project": "Shop",
        "method": "GET",
        "path": "/items",
        "summary": "Items",
        "responses-0-status_code": "200",
        "responses-0-example": "[]",
    }
    contract_url = signed_in.post("/contracts/new", data=form).headers["Location"]
    first = signed_in.get("/projects/shop/openapi.json")
    etag = first.headers["ETag"]
    assert (
        signed_in.get("/projects/shop/openapi.json", headers={"If-None-Match": etag}).status_code
        == 304
    )

    edit = form | {"summary": "All the items", "version": "1"}
    assert signed_in.post(f"{contract_url}/edit", data=edit).status_code == 303
    fresh = signed_in.get("/projects/shop/openapi.json", headers={"If-None-Match": etag})
    assert fresh.status_code == 200
    assert fresh.json["paths"]["/items"]["get"]["summary"] == "All the items"


def test_an_unknown_project_is_a_404(client, project):
    assert client.get("/projects/nope/openapi.json").status_code == 404
    assert client.get("/projects/nope/api").status_code == 404


def test_the_api_page_links_the_downloads_and_the_mock_server(client, project):
    page = client.get("/projects/e-commerce-api/api").get_data(as_text=True)
    assert 'data-spec-url="/projects/e-commerce-api/openapi.json"' in page
    assert "http://localhost/mock/e-commerce-api" in page
    assert 'href="/projects/e-commerce-api/openapi.yaml?download=1"' in page
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page
    assert "<script>" not in page and " style=" not in page
