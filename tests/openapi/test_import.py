"""Importing OpenAPI: preview (created, changed field by field, left alone), confirm, cancel."""

import io
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from nexus_board.board.specs import ContractSpec
from nexus_board.extensions import db
from nexus_board.models import Activity, Contract, Notification, OpenApiImport, Revision
from nexus_board.openapi import drafts, reading

from ..board.factories import PRODUCT

SAMPLE = Path(__file__).with_name("samples") / "drf_spectacular.yaml"


def upload(client, project: str, data: bytes, filename: str = "schema.yml"):
    return client.post(
        "/projects/import",
        data={"project": project, "document": (io.BytesIO(data), filename)},
        content_type="multipart/form-data",
    )


def preview_url(response) -> str:
    assert response.status_code == 303, response.get_data(as_text=True)
    return response.headers["Location"]


def fingerprint(page: str) -> str:
    return re.search(r'name="fingerprint" type="hidden" value="(\w+)"', page).group(1)


def confirm(client, url: str):
    return client.post(
        url, data={"fingerprint": fingerprint(client.get(url).get_data(as_text=True))}
    )


def contracts(app, project_slug: str | None = None) -> list[tuple[str, str, str]]:
    """(method, path, author's username) of every contract (in the project)."""
    with app.app_context():
        rows = db.session.scalars(select(Contract).order_by(Contract.path, Contract.method)).all()
        return [
            (str(c.method), c.path, c.author.username)
            for c in rows
            if project_slug is None or c.project.slug == project_slug
        ]


def specs(app, slug: str) -> list[tuple]:
    """What makes two contracts the same, apart from their project."""
    with app.app_context():
        rows = db.session.scalars(select(Contract).order_by(Contract.path, Contract.method))
        found = []
        for contract in rows:
            if contract.project.slug == slug:
                spec = ContractSpec.of(contract)
                found.append(
                    (
                        spec.method,
                        spec.path.template,
                        spec.summary,
                        spec.description,
                        spec.auth_required,
                        spec.request_example,
                        spec.tags,
                        spec.responses,
                    )
                )
        return found


@pytest.fixture
def ada(client, auth, cast):
    auth.sign_in("ada")
    return client


def test_a_drf_spectacular_document_becomes_drafts():
    document = reading.read(SAMPLE.read_bytes())
    found, skipped = drafts.operations(document)
    by_endpoint = {f"{f['draft']['method']} {f['draft']['path']}": f for f in found}
    assert list(by_endpoint) == [
        "POST /api/auth/token/",
        "GET /api/products/",
        "POST /api/products/",
        "GET /api/products/{id}/",
        "PATCH /api/products/{id}/",
        "DELETE /api/products/{id}/",
        "PUT /api/products/{id}/image/",
        "POST /api/orders/",
    ]
    assert skipped == [
        {
            "endpoint": "HEAD /api/orders/",
            "reason": "Contracts are GET, POST, PUT, PATCH or DELETE.",
        }
    ]
    token = by_endpoint["POST /api/auth/token/"]["draft"]
    # writeOnly fields are sent, readOnly ones come back.
    assert json.loads(token["request_example"]) == {"username": "string", "password": "string"}
    assert json.loads(token["responses"][0]["example"]) == {"access": "string", "refresh": "string"}
    assert token["summary"] == "Auth token create"
    assert token["auth_required"] is False
    listing = by_endpoint["GET /api/products/"]["draft"]
    assert listing["auth_required"] is False  # `{}` among the requirements: anonymous is fine
    page = json.loads(listing["responses"][0]["example"])
    assert page["next"] == "http://api.example.org/accounts/?page=4"
    assert page["results"][0] == {
        "id": 0,
        "name": "string",
        "price": "0.00",
        "category": "shoes",
        "created_at": "2026-01-01T12:00:00Z",
    }
    create = by_endpoint["POST /api/products/"]["draft"]
    assert create["auth_required"] is True
    assert json.loads(create["request_example"]) == {
        "name": "string",
        "price": "0.00",
        "category": "shoes",
    }
    assert json.loads(create["responses"][1]["example"]) == {"price": ["This field is required."]}
    order = by_endpoint["POST /api/orders/"]["draft"]
    assert order["summary"] == "Place an order from the cart"
    assert json.loads(order["responses"][0]["example"]) == {
        "items": [{"product_id": 0, "quantity": 1}],
        "id": 0,
        "status": "pending",
        "total": "0.00",
    }
    assert by_endpoint["DELETE /api/products/{id}/"]["draft"]["responses"] == [
        {"status_code": "204", "description": "No response body", "example": "", "schema": ""}
    ]
    assert by_endpoint["PUT /api/products/{id}/image/"]["notes"] == [
        "The request is sent as multipart/form-data; its example shows the fields as JSON.",
        "Response 200 is text/csv: it is kept without an example.",
    ]


def test_preview_then_confirm_creates_the_contracts(app, ada):
    response = upload(ada, "Shop API", SAMPLE.read_bytes())
    url = preview_url(response)
    page = ada.get(url).get_data(as_text=True)
    assert "Preview: import into Shop API" in page and "Shop API is a new project." in page
    assert "<strong>8</strong> to create" in page and "<strong>1</strong> skipped" in page
    assert "HEAD /api/orders/" in page and "Response 200 is text/csv" in page
    assert contracts(app) == []  # nothing written by the preview

    done = confirm(ada, url)
    assert done.status_code == 303
    assert done.headers["Location"] == "/board?project=shop-api"
    rows = contracts(app, "shop-api")
    assert len(rows) == 8 and {author for _, _, author in rows} == {"ada"}
    assert "Imported into Shop API: 8 created, 0 changed." in ada.get("/board").get_data(
        as_text=True
    )
    assert ada.get(url).status_code == 404  # the pending import is gone
    assert ada.get("/mock/shop-api/api/products/3/").json["category"] == "shoes"


def test_cancel_writes_nothing(app, ada):
    url = preview_url(upload(ada, "Shop API", SAMPLE.read_bytes()))
    response = ada.post(f"{url}/cancel")
    assert response.status_code == 303
    assert contracts(app) == []
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(OpenApiImport)) == 0
    assert "Import cancelled: nothing was changed." in ada.get(
        response.headers["Location"]
    ).get_data(as_text=True)


def test_the_preview_shows_each_change_and_the_import_goes_through_revisions(
    app, ada, contract, cast, user
):
    claimed = contract(state="claimed")  # GET /api/v1/products/{id}, held by gabriel
    same = contract(path="/api/v1/products", summary="List products")
    brians = contract(path="/api/v1/brands", summary="Brands")
    with app.app_context():  # brian's, not ada's: she may not change it
        row = db.session.get(Contract, brians)
        row.author_id = cast["brian"]
        db.session.commit()
    exported = ada.get("/projects/e-commerce-api/openapi.json").json
    get_one = exported["paths"]["/api/v1/products/{id}"]["get"]
    get_one["summary"] = "Get one product by id"
    renamed = dict(PRODUCT, unit_price=PRODUCT["price"])
    del renamed["price"]
    get_one["responses"]["200"]["content"]["application/json"]["example"] = renamed
    exported["paths"]["/api/v1/brands"]["get"]["summary"] = "All brands"
    exported["paths"]["/api/v1/carts"] = {
        "get": {"summary": "The cart", "responses": {"200": {"description": "OK"}}}
    }

    url = preview_url(upload(ada, "e-commerce api", json.dumps(exported).encode(), "shop.json"))
    page = ada.get(url).get_data(as_text=True)
    assert "Preview: import into E-commerce API" in page
    assert "<strong>1</strong> to create" in page and "<strong>1</strong> to change" in page
    assert "<strong>1</strong> left alone" in page and "<strong>1</strong> skipped" in page
    assert "version 1 becomes 2" in page
    assert "<del>Get one product</del>" in page and "<ins>Get one product by id</ins>" in page
    assert "Gabriel Nunes holds it: this change breaks their integration." in page
    breaking = re.search(r'<li class="classified-change is-breaking">(.*?)</li>', page, re.S)
    assert "Breaking" in breaking.group(1)
    assert "The field price of response 200 was removed: clients reading it break." in (
        breaking.group(1)
    )
    assert '<code class="change-where">response.200.price</code>' in breaking.group(1)
    assert "Posted by Brian Mwangi: only they (or an admin) can change it." in page
    assert "Same as the document" in page

    with app.app_context():
        last_event = db.session.scalar(select(func.max(Activity.id))) or 0
    assert confirm(ada, url).status_code == 303
    with app.app_context():
        edited = db.session.get(Contract, claimed)
        assert edited.version == 2 and edited.summary == "Get one product by id"
        assert edited.breaking_since_claim  # gabriel sees it, as after a manual edit
        revision = db.session.scalar(select(Revision).where(Revision.contract_id == claimed))
        assert revision.editor_id == cast["ada"] and revision.breaking
        assert {c["field"] for c in revision.changes} == {"summary", "response-200"}
        assert db.session.get(Contract, same).version == 1
        assert db.session.get(Contract, brians).summary == "Brands"
        told = db.session.execute(  # the import's edits are events like any other
            select(Activity.verb, Activity.contract_id, Notification.user_id, Notification.breaking)
            .outerjoin(Notification, Notification.activity_id == Activity.id)
            .where(Activity.id > last_event)
        ).all()  # fmt: skip
        assert ("contract.edited", claimed, cast["gabriel"], True) in told
        assert [verb for verb, *_ in told].count("contract.posted") == 1  # GET /api/v1/carts
    assert [path for _, path, _ in contracts(app, "e-commerce-api")] == [
        "/api/v1/brands",
        "/api/v1/carts",
        "/api/v1/products",
        "/api/v1/products/{id}",
    ]


def test_the_pending_import_survives_a_second_worker(app, make_app, ada):
    url = preview_url(upload(ada, "Shop API", SAMPLE.read_bytes()))
    page = ada.get(url).get_data(as_text=True)
    other_worker = make_app().test_client()  # same database and cache, another app object
    other_worker.set_cookie("session", ada.get_cookie("session").value)
    response = other_worker.post(url, data={"fingerprint": fingerprint(page)})
    assert response.status_code == 303
    assert len(contracts(app, "shop-api")) == 8


def test_a_board_that_moved_since_the_preview_gets_a_new_preview(app, ada, contract):
    contract_id = contract()
    exported = ada.get("/projects/e-commerce-api/openapi.json").json
    exported["paths"]["/api/v1/products/{id}"]["get"]["summary"] = "From the document"
    url = preview_url(upload(ada, "E-commerce API", json.dumps(exported).encode()))
    old_page = ada.get(url).get_data(as_text=True)
    edit = {
        "project": "E-commerce API",
        "method": "GET",
        "path": "/api/v1/products/{id}",
        "summary": "Edited meanwhile",
        "version": "1",
        "responses-0-status_code": "200",
        "responses-0-example": json.dumps(PRODUCT),
    }
    assert ada.post(f"/contracts/{contract_id}/edit", data=edit).status_code == 303

    response = ada.post(url, data={"fingerprint": fingerprint(old_page)})
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "The project changed since this preview was made." in page
    assert "<del>Edited meanwhile</del>" in page
    with app.app_context():
        assert db.session.get(Contract, contract_id).summary == "Edited meanwhile"
    assert confirm(ada, url).status_code == 303  # the new preview confirms
    with app.app_context():
        assert db.session.get(Contract, contract_id).summary == "From the document"


def test_an_invalid_document_is_refused_with_the_validator_s_message(app, ada):
    response = upload(ada, "Shop API", b"openapi: 3.0.3\ninfo: {title: Shop}\npaths: {}")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Not a valid OpenAPI document:" in page and "(at info)" in page
    assert 'value="Shop API"' in page  # the project name is kept
    assert 'aria-invalid="true"' in page
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(OpenApiImport)) == 0


def test_a_pasted_document_works_too(app, ada):
    response = ada.post(
        "/projects/import", data={"project": "Shop API", "text": SAMPLE.read_text()}
    )
    assert "pasted document" in ada.get(preview_url(response)).get_data(as_text=True)


def test_only_backend_learners_import_and_only_their_own(app, client, auth, cast):
    auth.sign_in("gabriel")
    assert client.get("/projects/import").status_code == 403
    auth.sign_out()
    auth.sign_in("ada")
    url = preview_url(upload(client, "Shop API", SAMPLE.read_bytes()))
    auth.sign_out()
    auth.sign_in("brian")
    assert client.get(url).status_code == 404
    assert client.post(url, data={"fingerprint": "x"}).status_code == 404
    assert client.post(f"{url}/cancel").status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/projects/import")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_export_then_import_into_an_empty_project_gives_the_same_contracts(
    app, ada, contract, cast
):
    from nexus_board.board.specs import ResponseDraft

    contract(state="in_progress", description="# Notes\n\nPrices are *strings*.", tags="a, b")
    contract(
        method="POST",
        path="/api/v1/products",
        summary="Add a product",
        auth_required=True,
        request_example='{"name": "Lamp", "price": null, "tags": []}',
        responses=[ResponseDraft(201, "Created it", '{"id": 9}'), ResponseDraft(400, "", "")],
    )
    contract(
        method="DELETE",
        path="/api/v1/products/{id}",
        summary="Remove",
        request_example='{"reason": "gone"}',
        responses=[ResponseDraft(204, "", "")],
    )
    contract(
        path="/api/v1/health",
        summary="Is it up?",
        tags="",
        responses=[ResponseDraft(200, "", '"ok"'), ResponseDraft(503, "Down", "[1, 2.5, true]")],
    )

    exported = ada.get("/projects/e-commerce-api/openapi.yaml").data
    url = preview_url(upload(ada, "Empty project", exported, "e-commerce-api.openapi.yaml"))
    assert "<strong>4</strong> to create" in ada.get(url).get_data(as_text=True)
    assert confirm(ada, url).status_code == 303
    assert specs(app, "empty-project") == specs(app, "e-commerce-api")
    assert len(specs(app, "empty-project")) == 4

    # Importing the same document again changes nothing.
    again = preview_url(upload(ada, "Empty project", exported))
    assert "<strong>4</strong> left alone" in ada.get(again).get_data(as_text=True)
    assert "Nothing to import" in ada.get(again).get_data(as_text=True)
