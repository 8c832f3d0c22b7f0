"""Operations as contracts: validated against the schema, examples checked against the
selection set and field types, and the contract's life the board's."""

import json

import pytest

from nexus_board.board.services import Duplicate
from nexus_board.errors import Invalid
from nexus_board.extensions import db
from nexus_board.gql.documents import Problem, operation
from nexus_board.gql.reading import built, read
from nexus_board.gql.shapes import made_up, mismatches
from nexus_board.limits import GRAPHQL_DEPTH, GRAPHQL_FIELDS
from nexus_board.models import Contract

from .factories import PLACE_ORDER, PLACE_ORDER_EXAMPLE, SDL_V1, SLUG, post

SCHEMA = built(read(SDL_V1).sdl)


def test_an_invalid_operation_is_refused_with_graphql_cores_message_and_place():
    with pytest.raises(Problem) as refused:
        operation(SCHEMA, "query A {\n  products { id colour }\n}")
    error = refused.value.errors[0]
    assert error["message"] == "Cannot query field 'colour' on type 'Product'."
    assert error["locations"] == [{"line": 2, "column": 17}]


def test_a_deep_operation_is_refused_before_validation():
    deep = (
        "query A { " + "product(id: 1) { " * (GRAPHQL_DEPTH + 1) + "id" + " }" * (GRAPHQL_DEPTH + 2)
    )
    with pytest.raises(Problem, match=f"more than {GRAPHQL_DEPTH} levels"):
        operation(SCHEMA, deep)


def test_fragments_spread_many_times_count_each_time_against_the_field_limit():
    doc = (
        "query A { products { ...F0 } }\n"
        + "\n".join(f"fragment F{i} on Product {{ id ...F{i + 1} ...F{i + 1} }}" for i in range(9))
        + "\nfragment F9 on Product { id }"
    )
    with pytest.raises(Problem, match=f"more than {GRAPHQL_FIELDS} fields"):
        operation(SCHEMA, doc)


def test_a_fragment_cycle_is_refused_not_followed_forever():
    doc = "query A { products { ...F } } fragment F on Product { id ...G } fragment G on Product { ...F }"
    with pytest.raises(Problem):
        operation(SCHEMA, doc)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"products": [{"id": "1"}]}, "data.products[0].name: missing"),
        (
            {"products": [{"id": "1", "name": "a", "colour": "red"}]},
            "data.products[0].colour: the operation does not select it",
        ),
        (
            {"products": [{"id": "1", "name": None}]},
            "data.products[0].name: is null, but the schema says String!",
        ),
        (
            {"products": [{"id": True, "name": "a"}]},
            "data.products[0].id: expected ID, got a boolean",
        ),
        ({"products": {"id": "1", "name": "a"}}, "data.products: expected a list"),
        ({"products": None}, "data.products: is null"),
    ],
)
def test_a_response_example_must_fit_the_selection_set(data, problem):
    found = operation(SCHEMA, "query A { products { id name } }")
    assert any(said.startswith(problem) for said in mismatches(SCHEMA, found, data)), mismatches(
        SCHEMA, found, data
    )


def test_enums_aliases_fragments_and_unions_are_checked_by_type():
    found = operation(
        SCHEMA,
        'query A { search(text: "x") { __typename ... on Product { kind: category } ... on Shop { title } } }',
    )
    good = {
        "search": [
            {"__typename": "Product", "kind": "FOOD"},
            {"__typename": "Shop", "title": "Corner"},
        ]
    }
    assert mismatches(SCHEMA, found, good) == []
    bad = {"search": [{"__typename": "Product", "kind": "SHOES"}]}
    assert "not a value of the enum Category" in mismatches(SCHEMA, found, bad)[0]


def test_made_up_data_fits_its_operation_and_is_the_same_every_time():
    found = operation(
        SCHEMA, 'query A { products { id name category tags } search(text: "a") { __typename } }'
    )
    data = made_up(SCHEMA, found)
    assert data == made_up(SCHEMA, found)
    assert mismatches(SCHEMA, found, data) == []
    assert len(data["products"]) == 2 and data["products"][0]["category"] in {
        "BOOKS",
        "FOOD",
        "TOYS",
    }
    assert data["products"][1]["id"] == "2" and data["products"][0]["tags"] == ["tags 1", "tags 2"]


def test_posting_an_operation_makes_a_contract_the_board_shows(app, shop, client_as):
    with app.app_context():
        contract_id = post(shop["ada"], claimer_id=shop["gabriel"])
        contract = db.session.get(Contract, contract_id)
        assert (contract.endpoint, contract.status.value) == ("query ProductList", "claimed")
    page = client_as("hana").get("/board")
    assert "ProductList" in page.text and "method-graphql" in page.text
    shown = client_as("hana").get(f"/contracts/{contract_id}")
    assert "query ProductList" in shown.text and "Response example" in shown.text


def test_the_operation_form_refuses_with_the_reason_next_to_the_field(app, shop, client_as):
    ada = client_as("ada")
    form = {
        "document": "query A { products { id colour } }",
        "response_example": "{}",
        "summary": "x",
    }
    response = ada.post(f"/projects/{SLUG}/operations/new", data=form)
    assert response.status_code == 422
    assert "Cannot query field &#39;colour&#39; on type &#39;Product&#39;" in response.text
    form = {
        "document": "query A { products { id name } }",
        "response_example": json.dumps({"data": {"products": [{"id": "1"}]}}),
        "summary": "x",
    }
    response = ada.post(f"/projects/{SLUG}/operations/new", data=form)
    assert response.status_code == 422
    assert "data.products[0].name: missing" in response.text
    with app.app_context():
        assert db.session.query(Contract).count() == 0


def test_a_mutation_with_variables_is_checked_against_its_input_types(app, shop):
    with app.app_context():
        with pytest.raises(Invalid) as refused:
            post(
                shop["ada"],
                document=PLACE_ORDER,
                response_example=json.dumps(PLACE_ORDER_EXAMPLE),
                variables_example=json.dumps({"input": {"productId": "1"}}),
            )
        assert "quantity" in refused.value.errors["variables_example"]
        contract_id = post(
            shop["ada"],
            document=PLACE_ORDER,
            response_example=json.dumps(PLACE_ORDER_EXAMPLE),
            variables_example=json.dumps({"input": {"productId": "1", "quantity": 2}}),
        )
        assert db.session.get(Contract, contract_id).endpoint == "mutation PlaceOrder"


def test_two_operations_of_one_name_are_refused(app, shop):
    with app.app_context():
        post(shop["ada"])
        with pytest.raises(Duplicate) as refused:
            post(shop["brian"])
        assert "already has an operation named ProductList" in refused.value.errors["document"]


def test_editing_an_operation_keeps_a_revision_and_tells_the_claimer(app, shop, client_as):
    with app.app_context():
        contract_id = post(shop["ada"], claimer_id=shop["gabriel"])
    ada = client_as("ada")
    assert (
        ada.get(f"/contracts/{contract_id}/edit")
        .headers["Location"]
        .endswith(f"/contracts/{contract_id}/operation")
    )
    form = {
        "document": "query ProductList { products { id } }",
        "response_example": json.dumps({"data": {"products": [{"id": "1"}]}}),
        "summary": "List products",
        "tags": "catalog",
        "version": "1",
    }
    assert ada.post(f"/contracts/{contract_id}/operation", data=form).status_code == 303
    page = client_as("gabriel").get(f"/contracts/{contract_id}")
    assert "Changed since you claimed it" in page.text
    assert "The operation&#39;s document changed" in page.text


def test_a_rest_project_takes_no_operation_and_a_graphql_project_no_openapi(app, shop, client_as):
    assert client_as("ada").get("/projects/e-commerce-api/operations/new").status_code == 404
    assert client_as("ada").get(f"/projects/{SLUG}/openapi.json").status_code == 404
