"""A hidden contract leaves its project's OpenAPI document, Swagger UI, mock, the JSON API and
updates' links; showing it again brings it back everywhere."""

import pytest

from nexus_board.board import lifecycle
from nexus_board.extensions import db
from nexus_board.models import Contract, User
from nexus_board.updates.services import post_update

from ..board.factories import broken as broken_contract
from ..board.factories import post

MOCK = "/mock/e-commerce-api"


@pytest.fixture
def hidden(app, cast):
    """ada's sound GET /api/v1/products/{id}, and brian's broken POST /api/v1/orders, which ada
    hid after brian mentioned it in an update. Returns the hidden one's id."""
    with app.app_context():
        post(cast["ada"])
        contract_id = broken_contract(cast["brian"], method="POST", path="/api/v1/orders",
                                      request_example='{"a": 1}')  # fmt: skip
        post_update(db.session.get(User, cast["brian"]), "Orders are up", contract_id=contract_id)
        lifecycle.hide(contract_id, db.session.get(User, cast["ada"]), "Examples too deep")
        db.session.commit()
        return contract_id


def show_again(app, cast, contract_id):
    with app.app_context():
        lifecycle.unhide(contract_id, db.session.get(User, cast["brian"]))
        db.session.commit()


def test_the_document_leaves_it_out_without_a_trace(client, hidden):
    document = client.get("/projects/e-commerce-api/openapi.json").json
    assert list(document["paths"]) == ["/api/v1/products/{id}"]
    assert "x-nexus-board-left-out" not in document  # hidden: not even its endpoint is public
    assert "/api/v1/orders" not in client.get("/projects/e-commerce-api/openapi.yaml").text
    assert client.get("/projects/e-commerce-api/api").status_code == 200  # Swagger UI


def test_the_mock_no_longer_answers_it_and_does_not_list_it(client, hidden):
    assert client.get(f"{MOCK}/api/v1/products/7").status_code == 200
    answer = client.post(f"{MOCK}/api/v1/orders", json={"a": 1})
    assert answer.status_code == 404
    assert answer.json["routes"] == ["GET /api/v1/products/{id}"]


def test_the_api_lists_and_counts_only_what_shows(client, hidden):
    listed = client.get("/api/v1/contracts").json["items"]
    assert [item["path"] for item in listed] == ["/api/v1/products/{id}"]
    one = client.get(f"/api/v1/contracts/{hidden}")
    assert one.status_code == 404 and "hidden" in one.json["message"]
    (project,) = client.get("/api/v1/projects").json["items"]
    assert project["contracts"] == 1


def test_updates_no_longer_link_to_it(client, hidden):
    assert "POST /api/v1/orders" not in client.get("/updates").get_data(as_text=True)


def test_showing_it_again_brings_it_back_everywhere(client, app, cast, hidden):
    # Read everything once first: cached documents, mock tables and pages must all move on.
    client.get("/projects/e-commerce-api/openapi.json")
    client.post(f"{MOCK}/api/v1/orders", json={"a": 1})
    client.get("/api/v1/contracts")
    client.get("/updates")
    show_again(app, cast, hidden)
    document = client.get("/projects/e-commerce-api/openapi.json").json
    (note,) = document["x-nexus-board-left-out"]  # still broken: left out with a note again
    assert note["endpoint"] == "POST /api/v1/orders"
    assert client.post(f"{MOCK}/api/v1/orders", json={"a": 1}).status_code == 200
    assert len(client.get("/api/v1/contracts").json["items"]) == 2
    assert client.get(f"/api/v1/contracts/{hidden}").status_code == 200
    assert "POST /api/v1/orders" in client.get("/updates").get_data(as_text=True)


def test_a_fixed_and_shown_contract_is_documented_again(client, app, cast, hidden):
    with app.app_context():
        contract = db.session.get(Contract, hidden)
        contract.responses[0].example = '{"id": 1}'
        db.session.commit()
    show_again(app, cast, hidden)
    document = client.get("/projects/e-commerce-api/openapi.json").json
    assert "post" in document["paths"]["/api/v1/orders"]
    assert "x-nexus-board-left-out" not in document
