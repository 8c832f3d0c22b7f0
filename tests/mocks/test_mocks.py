"""The mock server: matching, chosen responses, CORS, request checks, no session, no database."""

import json

import pytest

from nexus_board.board.specs import ResponseDraft
from nexus_board.caching import changed
from nexus_board.extensions import db
from nexus_board.models import Contract

from ..board.factories import PRODUCT
from ..contracts_as_code import order_contract

MOCK = "/mock/e-commerce-api"
AUTH = {"Authorization": "Bearer any-token"}  # the order contract requires authentication


@pytest.fixture
def board(app, contract, cast):
    """GET /api/v1/products/{id} (200 + 404 without body), GET /api/v1/products/new, POST order."""
    return {
        "product": contract(),
        "new": contract(path="/api/v1/products/new", summary="A blank product form"),
        "order": order_contract(app, cast["ada"]),
    }


def test_a_path_template_matches_and_answers_with_the_first_2xx_example(client, board):
    response = client.get(f"{MOCK}/api/v1/products/42")
    assert response.status_code == 200
    assert response.content_type == "application/json"
    assert response.json == PRODUCT
    assert response.headers["X-Mock-Route"] == "GET /api/v1/products/{id}"
    assert "Set-Cookie" not in response.headers


def test_a_literal_segment_wins_over_a_parameter(client, board):
    response = client.get(f"{MOCK}/api/v1/products/new")
    assert response.headers["X-Mock-Route"] == "GET /api/v1/products/new"


def test_prefer_picks_another_listed_response(client, board):
    response = client.post(
        f"{MOCK}/api/v1/orders",
        json={"items": [{"product_id": 1, "quantity": 1}]},
        headers={"Prefer": "code=400", **AUTH},
    )
    assert response.status_code == 400
    assert response.json == {"detail": "Your cart is empty."}


def test_a_response_without_example_has_no_body(client, board):
    response = client.get(
        f"{MOCK}/api/v1/products/42", headers={"Prefer": "dynamic=false, code=404"}
    )
    assert response.status_code == 404
    assert response.data == b""
    assert "Content-Type" not in response.headers


def test_prefer_for_an_unlisted_status_says_which_are_listed(client, board):
    response = client.get(f"{MOCK}/api/v1/products/42", headers={"Prefer": "code=418"})
    assert response.status_code == 400
    assert response.json["detail"] == "The contract has no 418 response; it has 200, 404."


def test_an_unknown_path_lists_the_routes(client, board):
    response = client.get(f"{MOCK}/api/v1/carts")
    assert response.status_code == 404
    assert response.json["routes"] == [
        "GET /api/v1/products/new",
        "POST /api/v1/orders",
        "GET /api/v1/products/{id}",
    ]
    assert response.json["detail"] == "E-commerce API has no contract for GET /api/v1/carts."


def test_an_unknown_project_is_a_404(client, board):
    response = client.get("/mock/no-such-project/api/v1/products/1")
    assert response.status_code == 404
    assert response.json["routes"] == []


def test_a_known_path_with_another_method_is_a_405_with_allow(client, board):
    response = client.delete(f"{MOCK}/api/v1/products/42")
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, OPTIONS"
    assert response.json["detail"] == "/api/v1/products/42 takes GET, not DELETE."


def test_head_answers_like_get_without_a_body(client, board):
    response = client.head(f"{MOCK}/api/v1/products/42")
    assert response.status_code == 200
    assert response.data == b""


def test_any_origin_may_call_and_preflight(client, board):
    origin = {"Origin": "http://localhost:3000"}
    response = client.get(f"{MOCK}/api/v1/products/42", headers=origin)
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "X-Mock-Route" in response.headers["Access-Control-Expose-Headers"]

    preflight = client.options(
        f"{MOCK}/api/v1/orders",
        headers={
            **origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, prefer",
        },
    )
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert preflight.headers["Access-Control-Allow-Methods"] == "POST"
    assert preflight.headers["Access-Control-Allow-Headers"] == "content-type, prefer"
    assert preflight.headers["Allow"] == "POST, OPTIONS"
    assert preflight.data == b""


def test_errors_carry_cors_headers_too(client, board):
    response = client.get(f"{MOCK}/api/v1/carts", headers={"Origin": "http://localhost:3000"})
    assert response.status_code == 404
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_a_body_that_breaks_the_request_example_schema_is_a_422(client, board):
    response = client.post(
        f"{MOCK}/api/v1/orders",
        json={"items": [{"product_id": "forty-two"}], "note": 1},
        headers=AUTH,
    )
    assert response.status_code == 422
    assert response.content_type == "application/problem+json"
    assert response.json["validation"] == [
        {
            "location": ["body", "items", "0"],
            "severity": "Error",
            "code": "required",
            "message": "'quantity' is a required property",
        },
        {
            "location": ["body", "items", "0", "product_id"],
            "severity": "Error",
            "code": "type",
            "message": "'forty-two' is not of type 'integer'",
        },
    ]


def test_a_matching_body_gets_the_example(client, board):
    body = {"items": [{"product_id": 7, "quantity": 3}, {"product_id": 8, "quantity": 1}]}
    response = client.post(f"{MOCK}/api/v1/orders", json=body, headers=AUTH)
    assert response.status_code == 201
    assert response.json == {"id": 1001, "status": "pending"}


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        ("", 422, "The request does not match the contract: see `validation` for each place."),
        (
            '{"items": [',
            400,
            "The request body is not accepted: Not valid JSON: line 1, column 12: Expecting value.",
        ),
    ],
)
def test_a_missing_or_broken_body_is_refused(client, board, data, status, message):
    response = client.post(
        f"{MOCK}/api/v1/orders", data=data, headers={"Content-Type": "application/json", **AUTH}
    )
    assert response.status_code == status
    assert response.json["detail"] == message


def test_mocks_need_no_sign_in_no_csrf_and_set_no_cookie(signed_in, board):
    body = {"items": [{"product_id": 7, "quantity": 3}]}
    response = signed_in.post(f"{MOCK}/api/v1/orders", json=body, csrf=False, headers=AUTH)
    assert response.status_code == 201
    assert "Set-Cookie" not in response.headers


def test_a_warm_mock_request_touches_no_database(client, board, count_queries):
    client.get(f"{MOCK}/api/v1/products/42")  # compiles the table into the cache
    with count_queries() as statements:
        response = client.get(f"{MOCK}/api/v1/products/7")
        client.get(f"{MOCK}/api/v1/nothing-here")
        client.get("/mock/unknown-project/x")
    assert response.status_code == 200
    assert statements == []


def test_edits_through_the_board_reach_the_mock_at_once(signed_in, app, make_user):
    form = {
        "project": "Shop",
        "method": "GET",
        "path": "/items/{id}",
        "summary": "One item",
        "responses-0-status_code": "200",
        "responses-0-example": '{"id": 1}',
    }
    created = signed_in.post("/contracts/new", data=form)
    assert created.status_code == 303
    assert signed_in.get("/mock/shop/items/1").json == {"id": 1}

    contract_url = created.headers["Location"]
    edit = form | {"responses-0-example": '{"id": 1, "name": "Lamp"}', "version": "1"}
    assert signed_in.post(f"{contract_url}/edit", data=edit).status_code == 303
    assert signed_in.get("/mock/shop/items/1").json == {"id": 1, "name": "Lamp"}

    moved = edit | {"path": "/things/{id}", "version": "2"}
    assert signed_in.post(f"{contract_url}/edit", data=moved).status_code == 303
    assert signed_in.get("/mock/shop/items/1").status_code == 404
    assert signed_in.get("/mock/shop/things/1").status_code == 200

    assert signed_in.post(f"{contract_url}/delete").status_code == 303
    assert signed_in.get("/mock/shop/things/1").json["routes"] == []


def test_mocks_are_rate_limited_per_client(make_app, make_user):
    from ..board.factories import post

    app = make_app(RATELIMIT_ENABLED=True, MOCK_RATE_LIMIT="3 per minute")
    ada = make_user("ada")
    with app.app_context():
        post(ada, responses=[ResponseDraft(200, "", json.dumps({"ok": True}))])
    client = app.test_client()
    for _ in range(3):
        assert client.get(f"{MOCK}/api/v1/products/1").status_code == 200
    limited = client.get(f"{MOCK}/api/v1/products/1")
    assert limited.status_code == 429
    assert limited.json["title"] == "Too many requests"
    assert limited.headers["Access-Control-Allow-Origin"] == "*"
    assert "Retry-After" in limited.headers


def test_parameters_inside_a_segment_and_the_fewest_parameters_win(client, contract, board):
    contract(path="/files/{name}.{ext}", summary="A file")
    contract(path="/files/{name}.json", summary="A JSON file")
    contract(path="/{section}/{id}/{part}", summary="Anything three deep")
    assert client.get(f"{MOCK}/files/a.b.json").headers["X-Mock-Route"] == (
        "GET /files/{name}.json"
    )
    assert client.get(f"{MOCK}/files/a.b.csv").headers["X-Mock-Route"] == (
        "GET /files/{name}.{ext}"
    )
    assert client.get(f"{MOCK}/files/x/y").headers["X-Mock-Route"] == "GET /{section}/{id}/{part}"
    assert client.get(f"{MOCK}/files/.csv").status_code == 404  # a parameter is never empty


def test_a_template_saved_with_adjacent_parameters_still_answers(app, client, contract, board):
    made = contract(path="/codes/{code}", summary="A code")
    with app.app_context():
        db.session.get(Contract, made).path = "/codes/{letter}{digit}"
        changed("mocks")  # written past the services, as an older release saved it
        db.session.commit()
    assert client.get(f"{MOCK}/codes/a1").status_code == 200
    assert client.get(f"{MOCK}/codes/a").status_code == 404
    assert client.get(f"{MOCK}/codes/" + "a" * 5000).status_code == 200


def test_a_body_past_the_checked_size_is_a_413_before_validation(client, board):
    response = client.post(f"{MOCK}/api/v1/orders", json={"items": [0] * 20_000}, headers=AUTH)
    assert response.status_code == 413
    assert "more than 10,000 values" in response.json["detail"]


def test_validation_stops_at_twenty_problems(client, board):
    response = client.post(f"{MOCK}/api/v1/orders", json={"items": ["x"] * 5000}, headers=AUTH)
    assert response.status_code == 422 and len(response.json["validation"]) == 20
