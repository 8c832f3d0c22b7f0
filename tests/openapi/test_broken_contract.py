"""One contract its project cannot document never breaks the project for the others.

Examples nested too deeply for genson were accepted before depth was limited; one such
contract used to make the OpenAPI JSON/YAML, Swagger UI and every mock route answer 500.
"""

import copy

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

from nexus_board.board import services
from nexus_board.caching import changed
from nexus_board.extensions import db
from nexus_board.models import Contract

from ..board.factories import post

DEEP = "[" * 500 + "]" * 500  # a 1 KB example genson cannot infer a schema from


@pytest.fixture
def broken(app, cast):
    """ada's GET /api/v1/products/{id} (sound) and POST /api/v1/orders saved with a deep example."""
    with app.app_context():
        post(cast["ada"])
        broken_id = post(
            cast["brian"], method="POST", path="/api/v1/orders", request_example='{"a": 1}'
        )
        contract = db.session.get(Contract, broken_id)
        contract.request_example = DEEP
        contract.responses[0].example = DEEP
        changed("board", "mocks")  # written past the services, as an older release saved it
        db.session.commit()
        return broken_id


def test_the_export_leaves_it_out_with_a_note_and_keeps_the_rest(client, broken):
    document = client.get("/projects/e-commerce-api/openapi.json")
    assert document.status_code == 200
    assert "get" in document.json["paths"]["/api/v1/products/{id}"]
    assert "/api/v1/orders" not in document.json["paths"]
    (note,) = document.json["x-nexus-board-left-out"]
    assert note["contract"] == broken and note["endpoint"] == "POST /api/v1/orders"
    assert "nested more than 32 levels deep" in note["note"]
    assert client.get("/projects/e-commerce-api/openapi.yaml").status_code == 200
    assert client.get("/projects/e-commerce-api/api").status_code == 200


def test_the_mock_keeps_answering_every_route(client, broken):
    assert client.get("/mock/e-commerce-api/api/v1/products/7").status_code == 200
    answer = client.post("/mock/e-commerce-api/api/v1/orders", json={"any": "body"})
    assert answer.status_code == 200  # its own example, without a body check it cannot make
    assert client.get("/mock/e-commerce-api/nowhere").status_code == 404


def test_its_author_is_told_it_needs_fixing(client, auth, broken):
    auth.sign_in("brian")
    page = client.get(f"/contracts/{broken}").get_data(as_text=True)
    assert "Needs fixing:" in page and "leave it out" in page and "Fix contract" in page


def test_visitors_and_frontend_learners_are_not_told(client, auth, broken):
    assert "Needs fixing" not in client.get(f"/contracts/{broken}").get_data(as_text=True)
    auth.sign_in("gabriel")
    assert "Needs fixing" not in client.get(f"/contracts/{broken}").get_data(as_text=True)


def test_another_backend_author_of_the_project_can_fix_it(client, auth, app, broken):
    auth.sign_in("ada")  # posted the other contract of the project
    page = client.get(f"/contracts/{broken}/edit")
    assert page.status_code == 200
    with app.app_context():
        version = db.session.get(Contract, broken).version
    form = {
        "project": "E-commerce API", "method": "POST", "path": "/api/v1/orders",
        "summary": "Place an order", "request_example": '{"items": []}', "version": version,
        "responses-0-status_code": "201", "responses-0-example": '{"id": 1}',
    }  # fmt: skip
    assert client.post(f"/contracts/{broken}/edit", data=form).status_code == 303
    with app.app_context():
        assert services.needs_fixing(db.session.get(Contract, broken)) is None
    assert "/api/v1/orders" in client.get("/projects/e-commerce-api/openapi.json").json["paths"]


def test_a_backend_learner_outside_the_project_cannot(client, auth, make_user, broken):
    make_user("olu", track="backend")
    auth.sign_in("olu")
    assert client.get(f"/contracts/{broken}/edit").status_code == 403


def test_a_sound_contract_stays_its_authors_alone(client, auth, app, cast, broken):
    with app.app_context():
        sound_id = post(cast["brian"], path="/api/v1/carts")
    auth.sign_in("ada")
    assert client.get(f"/contracts/{sound_id}/edit").status_code == 403


def test_deep_examples_are_refused_on_save(client, auth, cast):
    auth.sign_in("ada")
    form = {
        "project": "E-commerce API", "method": "POST", "path": "/api/v1/deep",
        "summary": "Deep", "request_example": "[" * 40 + "]" * 40,
        "responses-0-status_code": "201", "responses-0-example": "{}",
    }  # fmt: skip
    response = client.post("/contracts/new", data=form)
    assert response.status_code == 422
    assert "nested more than 32 levels deep" in response.get_data(as_text=True)


def test_a_schema_naming_a_missing_component_leaves_only_its_contract_out(app, client, cast):
    with app.app_context():
        post(cast["ada"])
        broken_id = post(
            cast["brian"], method="POST", path="/api/v1/orders", request_example='{"a": 1}'
        )
        contract = db.session.get(Contract, broken_id)
        contract.request_schema = '{"$ref": "#/components/schemas/Gone"}'
        changed("board", "mocks")  # written past the services, which refuse a dangling $ref
        db.session.commit()
    document = client.get("/projects/e-commerce-api/openapi.json")
    assert document.status_code == 200
    assert "/api/v1/orders" not in document.json["paths"]
    assert "get" in document.json["paths"]["/api/v1/products/{id}"]
    (note,) = document.json["x-nexus-board-left-out"]
    assert note["contract"] == broken_id
    assert client.get("/projects/e-commerce-api/api").status_code == 200
    assert client.get("/mock/e-commerce-api/api/v1/products/7").status_code == 200
    validate(copy.deepcopy(document.json), cls=OpenAPIV31SpecValidator)
    answer = client.post("/mock/e-commerce-api/api/v1/orders", json={"any": "body"})
    assert answer.status_code == 200  # its example, unchecked: its schema leads nowhere
