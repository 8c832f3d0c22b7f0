"""The GraphQL mock: examples, made-up data, errors with locations, GET and POST, CORS."""

import json

import pytest

from .factories import PRODUCT_LIST, PRODUCT_LIST_EXAMPLE, SLUG, post, prices

URL = f"/mock/{SLUG}/graphql"


@pytest.fixture
def mock(app, shop, client):
    with app.app_context():
        post(shop["ada"])
        post(shop["ada"], **prices())
    return client


def test_a_contracts_operation_answers_with_its_example(mock):
    # The same document with other spacing and a comment is the same operation.
    sent = "# from the app\n" + PRODUCT_LIST.replace("\n", " ")
    response = mock.post(URL, json={"query": sent, "variables": {"first": 5}})
    assert response.status_code == 200
    assert response.json == PRODUCT_LIST_EXAMPLE
    assert response.headers["X-Mock-Route"] == "example ProductList"
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_another_valid_operation_gets_data_made_up_from_the_types(mock):
    query = "query Other { products { id category tags } product(id: 1) { name } }"
    first = mock.post(URL, json={"query": query})
    assert first.headers["X-Mock-Route"] == "generated"
    data = first.json["data"]
    assert len(data["products"]) == 2 and data["products"][0]["category"] in {
        "BOOKS",
        "FOOD",
        "TOYS",
    }
    assert all(isinstance(tag, str) for tag in data["products"][0]["tags"])
    assert mock.post(URL, json={"query": query}).json == first.json  # deterministic


def test_an_invalid_operation_answers_errors_with_locations(mock):
    response = mock.post(URL, json={"query": "{\n  products { id colour }\n}"})
    assert response.status_code == 200  # application/json: the errors are in the body
    assert response.json == {
        "errors": [
            {
                "message": "Cannot query field 'colour' on type 'Product'.",
                "locations": [{"line": 2, "column": 17}],
            }
        ]
    }
    strict = mock.post(
        URL, json={"query": "{ products {"}, headers={"Accept": "application/graphql-response+json"}
    )
    assert strict.status_code == 400 and strict.json["errors"][0]["locations"]
    assert strict.mimetype == "application/graphql-response+json"


def test_bad_variables_answer_errors(mock):
    response = mock.post(URL, json={"query": PRODUCT_LIST, "variables": {"first": "ten"}})
    assert "Int cannot represent non-integer value" in response.json["errors"][0]["message"]


def test_get_with_query_works_and_mutations_need_post(mock):
    response = mock.get(URL, query_string={"query": PRODUCT_LIST, "variables": '{"first": 1}'})
    assert response.json == PRODUCT_LIST_EXAMPLE
    mutation = 'mutation M { placeOrder(input: {productId: "1", quantity: 1}) { id } }'
    refused = mock.get(URL, query_string={"query": mutation})
    assert refused.status_code == 405 and refused.headers["Allow"] == "POST, OPTIONS"
    assert mock.post(URL, json={"query": mutation}).json["data"]["placeOrder"]["id"]


def test_prefer_picks_a_named_example(mock):
    response = mock.post(
        URL, json={"query": "{ products { id } }"}, headers={"Prefer": "example=ProductPrices"}
    )
    assert response.json["data"]["products"][0]["price"] == 9.5
    missing = mock.post(
        URL, json={"query": "{ products { id } }"}, headers={"Prefer": "example=Nope"}
    )
    assert missing.status_code == 400 and "ProductList, ProductPrices" in missing.json["message"]


def test_cors_preflight_allows_any_origin(mock):
    response = mock.options(
        URL,
        headers={
            "Origin": "http://localhost:5173",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, prefer",
        },
    )
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert response.headers["Access-Control-Allow-Headers"] == "content-type, prefer"


def test_bad_requests_are_400s_not_500s(mock):
    assert mock.post(URL, data="query", content_type="text/plain").status_code == 415
    assert mock.post(URL, json=[1]).status_code == 400
    assert mock.post(URL, json={"query": 1}).status_code == 400
    assert mock.post(URL, json={"query": "{ a }", "variables": [1]}).status_code == 400
    assert mock.get(URL, query_string={"query": "{ a }", "variables": "{"}).status_code == 400
    assert mock.get(f"/mock/{SLUG}x/graphql").status_code == 404


def test_the_mock_runs_no_sql_once_warm(mock, count_queries):
    mock.post(URL, json={"query": PRODUCT_LIST})
    with count_queries() as statements:
        for _ in range(3):
            assert mock.post(URL, json={"query": PRODUCT_LIST}).status_code == 200
    assert statements == []


def test_a_deep_query_is_refused_quickly(mock):
    deep = "{ " + "product(id: 1) { " * 50 + "id" + " }" * 51
    response = mock.post(URL, json={"query": deep})
    assert "levels deep" in response.json["errors"][0]["message"]
    assert json.dumps(response.json).count("data") == 0


def test_introspection_is_answered_by_the_schema_itself(mock):
    from graphql import build_client_schema, get_introspection_query

    response = mock.post(URL, json={"query": get_introspection_query(descriptions=True)})
    assert response.headers["X-Mock-Route"] == "introspection"
    schema = build_client_schema(response.json["data"])
    assert schema.query_type.description == "The shop's catalogue."
