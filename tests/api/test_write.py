"""Posting and updating contracts with a token: the board's rules, revisions and mocks apply."""

import pytest
from sqlalchemy import select

from nexus_board.extensions import db
from nexus_board.models import Contract

from ..contracts_as_code import bearer, make_token

NEW = {
    "project": "Shop",
    "method": "POST",
    "path": "/api/orders",
    "summary": "Place an order",
    "description": "The cart of the signed-in user.",
    "auth_required": True,
    "request_example": {"items": [{"product_id": 1, "quantity": 2}]},
    "tags": ["orders", "checkout"],
    "responses": [
        {"status_code": 201, "description": "Created", "example": {"id": 7, "status": "pending"}},
        {"status_code": 400, "example": {"detail": "Empty cart."}},
    ],
}


@pytest.fixture
def ada_token(app, cast):
    return bearer(make_token(app, cast["ada"]))


def test_a_backend_token_posts_a_contract(app, client, ada_token):
    response = client.post("/api/v1/contracts", json=NEW, headers=ada_token)
    assert response.status_code == 201
    body = response.json
    assert response.headers["Location"] == body["url"]
    assert body["author"]["username"] == "ada" and body["status"] == "open" and body["version"] == 1
    assert body["request_example"] == NEW["request_example"]
    assert body["responses"][1] == {
        "status_code": 400,
        "description": "Bad Request",
        "example": {"detail": "Empty cart."},
        "examples": None,  # no named examples besides the default one
        "schema": None,
    }
    assert body["tags"] == ["checkout", "orders"]
    # The lists and the mock know it at once.
    listed = client.get("/api/v1/contracts?project=shop").json["items"]
    assert [item["id"] for item in listed] == [body["id"]]
    mocked = client.post(  # the contract requires authentication: any token will do
        "/mock/shop/api/orders",
        json={"items": [{"product_id": 3, "quantity": 1}]},
        headers={"Authorization": "Bearer any"},
    )
    assert mocked.status_code == 201 and mocked.json == {"id": 7, "status": "pending"}


def test_invalid_fields_are_a_422_keyed_like_the_json(client, ada_token):
    bad = NEW | {
        "path": "api/orders",
        "tags": "orders",
        "responses": [{"status_code": 201, "example": "{not json"}, {"status_code": 99}],
    }
    response = client.post("/api/v1/contracts", json=bad, headers=ada_token)
    assert response.status_code == 422
    assert response.json["errors"] == {
        "tags": 'Use a list of strings, like ["products", "catalog"].'
    }
    response = client.post("/api/v1/contracts", json=bad | {"tags": []}, headers=ada_token)
    assert response.status_code == 422
    assert response.json["errors"] == {
        "path": "Start the path with /, like /api/v1/products/{id}.",
        "responses[1].status_code": "Use an HTTP status code from 100 to 599.",
    }
    missing_body = NEW | {"request_example": None}
    response = client.post("/api/v1/contracts", json=missing_body, headers=ada_token)
    assert response.json["errors"] == {
        "request_example": "A POST request needs a JSON body example."
    }


def test_a_duplicate_is_a_409_that_points_at_the_existing_one(client, ada_token):
    first = client.post("/api/v1/contracts", json=NEW, headers=ada_token).json
    response = client.post("/api/v1/contracts", json=NEW, headers=ada_token)
    assert response.status_code == 409
    assert first["url"] in response.json["message"]


def test_a_frontend_learner_s_token_cannot_post(app, client, cast):
    response = client.post(
        "/api/v1/contracts", json=NEW, headers=bearer(make_token(app, cast["gabriel"]))
    )
    assert response.status_code == 403
    assert response.json["message"] == "Only backend learners can post contracts."


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"data": "not json", "headers": {"Content-Type": "application/json"}}, 400),
        ({"data": "project=Shop"}, 415),
        ({"json": ["a list"]}, 422),
    ],
)
def test_the_body_must_be_a_json_object(client, ada_token, kwargs, status):
    headers = {**ada_token, **kwargs.pop("headers", {})}
    response = client.post("/api/v1/contracts", headers=headers, **kwargs)
    assert response.status_code == status
    assert response.is_json


def test_an_update_keeps_history_and_tells_the_claimer(app, client, contract, cast, ada_token):
    contract_id = contract(state="claimed")
    change = {"version": 1, "summary": "Get a product", "auth_required": True}
    response = client.patch(f"/api/v1/contracts/{contract_id}", json=change, headers=ada_token)
    assert response.status_code == 200
    assert response.json["version"] == 2 and response.json["summary"] == "Get a product"
    revision = response.json["revision"]
    assert revision["breaking"] is True
    assert revision["breaking_reasons"] == [
        "Authentication is now required: calls without a token are refused."
    ]
    with app.app_context():
        saved = db.session.get(Contract, contract_id)
        assert saved.breaking_since_claim and saved.path == "/api/v1/products/{id}"

    same = client.patch(
        f"/api/v1/contracts/{contract_id}", json=change | {"version": 2}, headers=ada_token
    )
    assert same.status_code == 200 and same.json["revision"] is None and same.json["version"] == 2


def test_an_update_from_an_old_version_is_a_409(client, contract, ada_token):
    contract_id = contract()
    url = f"/api/v1/contracts/{contract_id}"
    assert (
        client.patch(url, json={"version": 1, "summary": "A"}, headers=ada_token).status_code == 200
    )
    stale = client.patch(url, json={"version": 1, "summary": "B"}, headers=ada_token)
    assert stale.status_code == 409
    assert "it is now version 2" in stale.json["message"]
    missing = client.patch(url, json={"summary": "B"}, headers=ada_token)
    assert missing.status_code == 422
    assert missing.json["errors"] == {"version": "Send the version you read (now 2)."}


def test_only_the_author_or_an_admin_updates(app, client, contract, cast):
    contract_id = contract()
    url = f"/api/v1/contracts/{contract_id}"
    brian = bearer(make_token(app, cast["brian"]))
    assert (
        client.patch(url, json={"version": 1, "summary": "Mine now"}, headers=brian).status_code
        == 403
    )
    mentor = bearer(make_token(app, cast["mentor"]))
    assert (
        client.patch(url, json={"version": 1, "summary": "Tidied"}, headers=mentor).status_code
        == 200
    )
    assert (
        client.patch("/api/v1/contracts/999", json={"version": 1}, headers=mentor).status_code
        == 404
    )


def test_changing_an_example_through_the_api_reaches_the_mock(app, client, contract, ada_token):
    contract_id = contract()
    assert client.get("/mock/e-commerce-api/api/v1/products/1").json["name"] == "Shoe"
    responses = [{"status_code": 200, "example": {"id": 1, "name": "Boot"}}]
    client.patch(
        f"/api/v1/contracts/{contract_id}",
        json={"version": 1, "responses": responses},
        headers=ada_token,
    )
    assert client.get("/mock/e-commerce-api/api/v1/products/1").json == {"id": 1, "name": "Boot"}
    with app.app_context():
        assert db.session.scalar(select(Contract.version)) == 2


def test_writes_are_rate_limited_per_token_owner(make_app, cast):
    app = make_app(RATELIMIT_ENABLED=True)
    client = app.test_client()
    token = bearer(make_token(app, cast["ada"]))
    codes = [
        client.post(
            "/api/v1/contracts", json=NEW | {"path": f"/api/orders/{n}"}, headers=token
        ).status_code
        for n in range(61)
    ]
    assert codes[:60] == [201] * 60 and codes[60] == 429


def test_named_examples_and_dispatch_rules_go_in_and_out_and_reach_the_mock(client, ada_token):
    rule = {"in": "body", "name": "items.0.product_id", "equals": "0", "status": 201,
            "example": "free"}  # fmt: skip
    body = NEW | {
        "dispatch": [rule],
        "responses": [
            {"status_code": 201, "example": {"id": 1}, "examples": {"free": {"id": 0}}},
        ],
    }
    created = client.post("/api/v1/contracts", json=body, headers=ada_token)
    assert created.status_code == 201, created.json
    assert created.json["dispatch"] == [rule]
    assert created.json["responses"][0]["examples"] == {"free": {"id": 0}}
    order = {"items": [{"product_id": 0, "quantity": 1}]}
    answer = client.post(created.json["mock_url"].removeprefix("http://localhost"), json=order,
                         headers={"Authorization": "Bearer x"})  # fmt: skip
    assert answer.json == {"id": 0}

    wrong = NEW | {"dispatch": [rule | {"status": 418}]}
    refused = client.patch(created.json["url"], json={"version": 1, **wrong}, headers=ada_token)
    assert refused.status_code == 422
    assert refused.json["errors"]["dispatch"].startswith("Rule 1: the contract lists no 418")
