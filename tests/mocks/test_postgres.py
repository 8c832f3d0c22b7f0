"""Mocks and verification on PostgreSQL: named examples, dispatch rules, generated answers,
recorded runs, the conformance score and can-i-deploy's query."""

import json

import pytest
from sqlalchemy import select

from nexus_board.auth import services as accounts
from nexus_board.board import lifecycle
from nexus_board.board.policy import Action
from nexus_board.board.specs import ResponseDraft
from nexus_board.extensions import db
from nexus_board.models import Contract, User
from nexus_board.verify.checks import Result
from nexus_board.verify.deploy import blockers
from nexus_board.verify.services import latest_results, record_results

from ..board.factories import post
from ..conftest import PASSWORD

pytestmark = pytest.mark.services
RULE = {"in": "path", "name": "id", "equals": "0", "status": 404, "example": "missing"}


def test_mocks_and_verification_on_postgresql(make_app, postgres_database):
    app = make_app(SQLALCHEMY_DATABASE_URI=postgres_database)
    with app.app_context():
        ada = accounts.register(username="ada", display_name="Ada", password=PASSWORD,
                                track="backend").id  # fmt: skip
        hana = accounts.register(username="hana", display_name="Hana", password=PASSWORD,
                                 track="frontend").id  # fmt: skip
        db.session.commit()
        missing = json.dumps({"missing": {"detail": "Never there."}})
        contract_id = post(ada, state="claimed", claimer_id=hana, dispatch=json.dumps([RULE]),
                           responses=[ResponseDraft(200, "", json.dumps({"id": 1})),
                                      ResponseDraft(404, "", "", "", missing)])  # fmt: skip
    client = app.test_client()
    mock = "/mock/e-commerce-api/api/v1/products"
    assert client.get(f"{mock}/0").json == {"detail": "Never there."}
    assert client.get(f"{mock}/5").json == {"id": 1}
    dynamic = client.get(f"{mock}/5", headers={"Prefer": "dynamic=true, seed=3"})
    assert dynamic.json == client.get(f"{mock}/5", headers={"Prefer": "dynamic=true, seed=3"}).json

    with app.app_context():
        contract = db.session.get(Contract, contract_id)
        project = contract.project
        for passed in (False, True):
            result = Result(contract, "GET /api/v1/products/1", 200, 200, passed)
            record_results([result], "http://x", project_id=project.id, environment="staging")
            db.session.commit()
        assert latest_results(project.id, "staging")[contract_id].passed is True
        assert blockers(project, "staging") == []
        assert blockers(project, "prod") == [
            "GET /api/v1/products/{id}: never verified against prod."
        ]
        lifecycle.move(contract_id, db.session.get(User, hana), Action.START)
        db.session.commit()
        assert db.session.scalar(select(Contract.status)) == "in_progress"
    page = client.get("/projects/e-commerce-api/api").get_data(as_text=True)
    assert 'staging: <span class="conformance-score">100%</span>' in page
    assert "0 of 1" in page  # the first run's score, in the history
