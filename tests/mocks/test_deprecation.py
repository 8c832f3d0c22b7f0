"""A deprecated contract: its mock says so in headers, its page and its export show it."""

from datetime import UTC, date, datetime, timedelta

from nexus_board.extensions import db
from nexus_board.models import Contract

MOCK = "/mock/e-commerce-api/api/v1/products/7"


def test_the_mock_sends_deprecation_and_sunset_headers(app, client, contract):
    contract_id = contract(deprecated=True, sunset="2027-06-30", deprecation_note="Use v2.")
    response = client.get(MOCK)
    assert response.status_code == 200
    with app.app_context():
        marked = db.session.get(Contract, contract_id).deprecated_at
    assert response.headers["Deprecation"] == f"@{int(marked.timestamp())}"
    assert response.headers["Sunset"] == "Wed, 30 Jun 2027 23:59:59 GMT"
    assert "Deprecation" in response.headers["Access-Control-Expose-Headers"]
    operation = client.get("/projects/e-commerce-api/openapi.json").json["paths"][
        "/api/v1/products/{id}"
    ]["get"]
    assert operation["deprecated"] is True and operation["x-sunset"] == "2027-06-30"
    page = client.get(f"/contracts/{contract_id}").get_data(as_text=True)
    assert "to be removed on 2027-06-30" in page and "Use v2." in page
    assert "Deprecated, sunset 2027-06-30" in client.get("/board").get_data(as_text=True)


def test_a_contract_that_is_not_deprecated_sends_neither(client, contract):
    contract()
    response = client.get(MOCK)
    assert "Deprecation" not in response.headers and "Sunset" not in response.headers


def test_a_passed_sunset_shows_on_the_page(app, client, contract):
    passed = (datetime.now(UTC).date() - timedelta(days=1)).isoformat()
    contract_id = contract(deprecated=True, sunset=passed)
    page = client.get(f"/contracts/{contract_id}").get_data(as_text=True)
    assert "the sunset date has passed" in page
    assert date.fromisoformat(passed) < datetime.now(UTC).date()
