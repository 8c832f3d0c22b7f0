"""Contracts as code on PostgreSQL: API writes and reads, mocks, an import, a recorded verify."""

import io
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from nexus_board.auth import services as accounts
from nexus_board.extensions import db
from nexus_board.models import Contract, OpenApiImport, Verification
from nexus_board.verify.checks import Result
from nexus_board.verify.services import record_results

from ..conftest import PASSWORD
from ..contracts_as_code import bearer, make_token
from .test_write import NEW

pytestmark = pytest.mark.services
SAMPLE = Path(__file__).parent.parent / "openapi" / "samples" / "drf_spectacular.yaml"


def test_contracts_as_code_on_postgresql(make_app, postgres_database):
    app = make_app(SQLALCHEMY_DATABASE_URI=postgres_database)
    with app.app_context():
        ada = accounts.register(
            username="ada", display_name="Ada", password=PASSWORD, track="backend"
        ).id
        db.session.commit()
    client = app.test_client()
    token = bearer(make_token(app, ada))

    created = client.post("/api/v1/contracts", json=NEW, headers=token)
    assert created.status_code == 201
    changed = client.patch(
        created.json["url"], json={"version": 1, "summary": "Order"}, headers=token
    )
    assert changed.json["revision"]["version"] == 2
    listed = client.get("/api/v1/contracts?project=shop&author=ada&method=POST&q=order")
    assert [item["id"] for item in listed.json["items"]] == [created.json["id"]]
    assert client.get("/api/v1/projects").json["items"][0]["contracts"] == 1
    mocked = client.post(  # the contract requires authentication: any token will do
        "/mock/shop/api/orders",
        json={"items": [{"product_id": 1, "quantity": 1}]},
        headers={"Authorization": "Bearer any"},
    )
    assert mocked.status_code == 201

    client.post("/sign-in", data={"login": "ada", "password": PASSWORD})
    for _ in range(6):  # older pending imports are pruned: only the newest five are kept
        upload = client.post(
            "/projects/import",
            data={"project": "Shop", "document": (io.BytesIO(SAMPLE.read_bytes()), "s.yml")},
            content_type="multipart/form-data",
        )
        assert upload.status_code == 303
    with app.app_context():
        assert len(db.session.scalars(select(OpenApiImport)).all()) == 5
    url = upload.headers["Location"]
    page = client.get(url).get_data(as_text=True)
    fingerprint = re.search(r'name="fingerprint" type="hidden" value="(\w+)"', page).group(1)
    assert client.post(url, data={"fingerprint": fingerprint}).status_code == 303

    with app.app_context():
        contract = db.session.scalar(select(Contract).where(Contract.path == "/api/orders"))
        result = Result(contract, "POST /api/orders", 201, 201, True)
        record_results([result], "http://x", project_id=contract.project_id, environment="ci")
        db.session.commit()
        assert db.session.scalar(select(Verification)).passed is True
        assert len(db.session.scalars(select(Contract)).all()) == 9
    assert json.loads(client.get("/projects/shop/openapi.json").data)["info"]["title"] == "Shop"
