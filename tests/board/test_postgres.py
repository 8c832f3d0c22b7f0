"""The board's SQL on PostgreSQL: columns, filters, load more, a claim and an edit."""

import re

import pytest

from nexus_board.auth import services as accounts
from nexus_board.board.queries import COLUMN_SIZE
from nexus_board.extensions import db

from ..conftest import PASSWORD
from .factories import broken, bulk, post

pytestmark = pytest.mark.services


def register(*people: tuple[str, str]) -> dict[str, int]:
    """Accounts for (username, track) pairs; their ids by username."""
    ids = {
        name: accounts.register(
            username=name, display_name=name.title(), password=PASSWORD, track=track
        ).id
        for name, track in people
    }
    db.session.commit()
    return ids


def test_the_board_works_on_postgresql(make_app, postgres_database):
    app = make_app(SQLALCHEMY_DATABASE_URI=postgres_database)
    with app.app_context():
        ids = register(("ada", "backend"), ("gabriel", "frontend"))
        bulk(ids["ada"], ids["gabriel"], 220)
        contract_id = post(ids["ada"], path="/api/v1/products/{id}", tags="shop")
    client = app.test_client()
    client.post("/sign-in", data={"login": "gabriel", "password": PASSWORD})

    page = client.get("/board").get_data(as_text=True)
    counts = dict(re.findall(r'id="count-(\w+)"[^>]*>(\d+)', page))
    assert counts == {"open": "56", "claimed": "55", "in_progress": "55", "done": "55"}
    more = re.search(r'href="(/board/columns/open\?cursor=[^"]+)"', page).group(1)
    rest = client.get(more.replace("&amp;", "&"), headers={"HX-Request": "true"})
    shown = rest.get_data(as_text=True).count('class="card contract-card')
    assert shown == min(COLUMN_SIZE, 56 - COLUMN_SIZE)

    filtered = client.get("/board?q=PRODUCTS&tag=shop&method=GET&project=e-commerce-api")
    assert filtered.get_data(as_text=True).count('class="card contract-card') == 1
    assert client.get("/board?claimed=1&changed=1").status_code == 200

    claimed = client.post(f"/contracts/{contract_id}/claim", data={"view": "board"})
    assert claimed.status_code == 303
    page = client.get(f"/contracts/{contract_id}").get_data(as_text=True)
    assert "You hold this contract" in page


def test_hiding_works_on_postgresql(make_app, postgres_database):
    app = make_app(SQLALCHEMY_DATABASE_URI=postgres_database)
    with app.app_context():
        ids = register(("ada", "backend"), ("brian", "backend"), ("gabriel", "frontend"))
        post(ids["ada"])
        hidden = broken(ids["brian"], path="/api/v1/orders")
    clients = {}
    for name in ids:
        clients[name] = app.test_client()
        clients[name].post("/sign-in", data={"login": name, "password": PASSWORD})
    answer = clients["ada"].post(f"/contracts/{hidden}/hide", data={"reason": "Too deep"})
    assert answer.status_code == 303
    for name, sees in (("ada", True), ("brian", True), ("gabriel", False)):
        board = clients[name].get("/board").get_data(as_text=True)
        assert (f'id="card-{hidden}"' in board) == sees, name
    assert clients["gabriel"].get(f"/contracts/{hidden}").status_code == 404
    document = clients["gabriel"].get("/projects/e-commerce-api/openapi.json").json
    assert list(document["paths"]) == ["/api/v1/products/{id}"]
    assert clients["brian"].post(f"/contracts/{hidden}/unhide").status_code == 303
    assert f'id="card-{hidden}"' in clients["gabriel"].get("/board").get_data(as_text=True)


def test_schemas_classified_edits_and_drafts_on_postgresql(make_app, postgres_database):
    from nexus_board.board import services
    from nexus_board.board.specs import draft_of
    from nexus_board.models import Contract, User

    app = make_app(SQLALCHEMY_DATABASE_URI=postgres_database)
    with app.app_context():
        ada = accounts.register(username="ada", display_name="Ada", password=PASSWORD,
                                track="backend")  # fmt: skip
        gabriel = accounts.register(username="gabriel", display_name="Gabriel",
                                    password=PASSWORD, track="frontend")  # fmt: skip
        db.session.commit()
        ada_id = ada.id
        schema = '{"type": "object", "properties": {"id": {"type": "integer"}}}'
        claimed = post(ada_id, state="claimed", claimer_id=gabriel.id, request_schema="",
                       deprecated=True, sunset="2027-06-30")  # fmt: skip
        draft = post(ada_id, path="/api/v1/drafts/{id}", is_draft=True)
        contract = db.session.get(Contract, claimed)
        edit = draft_of(contract)
        edit.responses[0].schema = schema
        edit.auth_required = True
        revision = services.update_contract(contract, edit, db.session.get(User, ada_id),
                                            expected_version=1)  # fmt: skip
        db.session.commit()
        assert revision.severity == "breaking" and revision.classified[0]["rule"] == (
            "request.auth-required"
        )
    client = app.test_client()
    assert client.get(f"/contracts/{draft}").status_code == 404
    assert "/api/v1/drafts" not in client.get("/board").get_data(as_text=True)
    assert (
        client.get("/mock/e-commerce-api/api/v1/products/1")
        .headers["Sunset"]
        .startswith("Wed, 30 Jun 2027")
    )
    client.post("/sign-in", data={"login": "gabriel", "password": PASSWORD})
    page = client.get(f"/contracts/{claimed}").get_data(as_text=True)
    assert "Authentication is now required" in page
