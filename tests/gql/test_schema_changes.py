"""A new schema version: previewed (schema changes, and each contract's operation against it),
then saved, telling only the claimers whose operations it breaks or newly deprecates."""

import json

import pytest
from sqlalchemy import select

from nexus_board.extensions import db
from nexus_board.models import Contract, GraphqlSchema, Notification, Revision

from .factories import SDL_V1, SDL_V2, SLUG, post, prices

IDS = {
    "document": "query ProductIds { products { id category } }",
    "response_example": json.dumps({"data": {"products": [{"id": "1", "category": "BOOKS"}]}}),
    "summary": "Ids",
}


@pytest.fixture
def claimed(app, shop):
    """ProductList (gabriel; uses name, removed in v2), ProductPrices (hana; uses price,
    deprecated in v2), ProductIds (gabriel; untouched)."""
    with app.app_context():
        return {
            "list": post(shop["ada"], claimer_id=shop["gabriel"]),
            "prices": post(shop["ada"], claimer_id=shop["hana"], **prices()),
            "ids": post(shop["ada"], claimer_id=shop["gabriel"], **IDS),
        }


def inbox(user_id: int, contract_id: int) -> list[Notification]:
    query = (
        select(Notification)
        .join(Notification.activity)
        .where(Notification.user_id == user_id, Notification.activity.has(contract_id=contract_id))
    )
    return list(db.session.scalars(query))


def test_the_preview_shows_schema_changes_and_each_operation_and_saves_nothing(
    app, claimed, client_as
):
    response = client_as("ada").post(
        "/graphql/schema", data={"project": "Shop GraphQL", "text": SDL_V2}
    )
    assert response.status_code == 200
    page = response.text
    assert "Product.name was removed." in page  # find_breaking_changes
    assert "GAMES was added to enum type Category." in page  # find_dangerous_changes
    assert (
        "No longer validates:</strong> Cannot query field &#39;name&#39; on type &#39;Product&#39;."
        in page
    )
    assert "Gabriel Nunes will be told." in page
    assert "Product.price is deprecated: Use cost. (new in this version)" in page
    assert "Save version 2" in page
    with app.app_context():
        assert db.session.query(GraphqlSchema).count() == 1


def test_saving_alerts_the_broken_claimer_by_field_and_tells_the_untouched_nothing(
    app, shop, claimed, client_as
):
    ada = client_as("ada")
    saved = ada.post("/graphql/schema/save", data={"project": "Shop GraphQL", "schema": SDL_V2})
    assert saved.status_code == 303 and saved.headers["Location"].endswith(
        f"/projects/{SLUG}/schema"
    )
    with app.app_context():
        broken = db.session.get(Contract, claimed["list"])
        assert broken.breaking_since_claim
        revision = db.session.scalar(select(Revision).where(Revision.contract_id == broken.id))
        assert revision.classified[0]["rule"] == "graphql.operation-invalid"
        assert revision.classified[0]["location"] == "Product.name"
        [told] = inbox(shop["gabriel"], broken.id)[-1:]
        assert told.breaking

        deprecated = db.session.get(Contract, claimed["prices"])
        assert deprecated.changed_since_claim and not deprecated.breaking_since_claim
        [said] = db.session.scalar(
            select(Revision.classified).where(Revision.contract_id == deprecated.id)
        )
        assert (said["severity"], said["sentence"]) == (
            "possibly_breaking",
            "The operation uses Product.price, now deprecated: Use cost.",
        )

        untouched = db.session.get(Contract, claimed["ids"])
        assert not untouched.changed_since_claim
        assert db.session.query(Revision).filter_by(contract_id=untouched.id).count() == 0
        assert [
            n for n in inbox(shop["gabriel"], untouched.id) if n.activity.verb == "contract.edited"
        ] == []
    banner = client_as("gabriel").get(f"/contracts/{claimed['list']}")
    assert "Breaking change since you claimed it" in banner.text
    assert "Schema version 2 breaks the operation: Cannot query field" in banner.text
    assert "It no longer validates against schema version 2" in banner.text


def test_the_schema_page_lists_versions_with_changes_and_a_diff(app, claimed, client_as):
    client_as("ada").post(
        "/graphql/schema/save", data={"project": "Shop GraphQL", "schema": SDL_V2}
    )
    page = client_as("hana").get(f"/projects/{SLUG}/schema").text
    assert "Version 2" in page and "Version 1" in page
    assert "Product.name was removed." in page
    assert "diff-del" in page and "name: String!" in page


def test_the_same_schema_again_is_not_a_new_version(app, claimed, client_as):
    response = client_as("ada").post(
        "/graphql/schema/save", data={"project": "Shop GraphQL", "schema": SDL_V1}
    )
    assert response.status_code == 422 and "same as the current version" in response.text


def test_who_may_upload(app, claimed, client_as):
    # brian never worked on the shop; gabriel is a frontend learner.
    refused = client_as("brian").post(
        "/graphql/schema", data={"project": "Shop GraphQL", "text": SDL_V2}
    )
    assert refused.status_code == 403
    assert (
        client_as("gabriel")
        .post("/graphql/schema", data={"project": "x", "text": SDL_V2})
        .status_code
        == 403
    )
    assert (
        client_as("mentor")
        .post("/graphql/schema", data={"project": "Shop GraphQL", "text": SDL_V2})
        .status_code
        == 200
    )
    # A new project is anyone's on the backend track to start.
    assert (
        client_as("brian")
        .post("/graphql/schema", data={"project": "Brian QL", "text": SDL_V1})
        .status_code
        == 200
    )


def test_an_invalid_upload_shows_the_reason_next_to_the_field(client_as, shop):
    response = client_as("ada").post(
        "/graphql/schema", data={"project": "Shop GraphQL", "text": "type Query { a: Nope }"}
    )
    assert response.status_code == 422
    assert "Unknown type &#39;Nope&#39;" in response.text


def test_exports_give_sdl_and_every_operation(app, claimed, client):
    sdl = client.get(f"/projects/{SLUG}/schema.graphql?download=1")
    assert sdl.mimetype == "application/graphql" and "type Product implements Node" in sdl.text
    assert 'filename="shop-graphql.schema.graphql"' in sdl.headers["Content-Disposition"]
    ops = client.get(f"/projects/{SLUG}/operations.graphql").text
    assert "# List products\nquery ProductList($first: Int)" in ops
    assert "query ProductPrices" in ops and "query ProductIds" in ops
