"""GraphQL projects on PostgreSQL: schema versions, operations, the alert a breaking version
sends to the claimer it breaks, and the mock."""

import pytest
from sqlalchemy import select

from nexus_board.auth import services as accounts
from nexus_board.extensions import db
from nexus_board.models import Contract, GraphqlSchema, Revision

from ..conftest import PASSWORD
from .factories import SDL_V2, SLUG, post, prices, upload

pytestmark = pytest.mark.services


def test_schema_versions_operations_and_alerts_on_postgresql(make_app, postgres_database):
    app = make_app(SQLALCHEMY_DATABASE_URI=postgres_database)
    with app.app_context():
        ids = {}
        for name, track in [("ada", "backend"), ("gabriel", "frontend"), ("hana", "frontend")]:
            ids[name] = accounts.register(username=name, display_name=name.title(),
                                          password=PASSWORD, track=track).id  # fmt: skip
        db.session.commit()
        upload(ids["ada"])
        broken = post(ids["ada"], claimer_id=ids["gabriel"])
        untouched = post(ids["ada"], claimer_id=ids["hana"], **prices(document="query ProductPrices { products { id category } }",
                         response_example='{"data": {"products": [{"id": "1", "category": "TOYS"}]}}'))  # fmt: skip
        upload(ids["ada"], SDL_V2)
        assert [row.version for row in db.session.scalars(select(GraphqlSchema))] == [1, 2]
        assert db.session.get(Contract, broken).breaking_since_claim
        assert not db.session.get(Contract, untouched).changed_since_claim
        assert db.session.query(Revision).filter_by(contract_id=untouched).count() == 0
    response = app.test_client().post(
        f"/mock/{SLUG}/graphql", json={"query": "{ products { id cost } }"}
    )
    assert response.status_code == 200 and len(response.json["data"]["products"]) == 2
