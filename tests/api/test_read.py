"""The read API: contracts with filters, cursors and ETags; one contract; learners; updates."""

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

from ..board.factories import PRODUCT, bulk
from ..contracts_as_code import order_contract


@pytest.fixture
def board(app, contract, cast):
    return {
        "open": contract(path="/api/v1/products", summary="List products", tags="catalog"),
        "claimed": contract(state="claimed"),
        "order": order_contract(app, cast["ada"]),
        "other": contract(project="Movie API", path="/movies", summary="Trending movies"),
    }


def paths(response) -> list[str]:
    return [item["path"] for item in response.json["items"]]


def test_contracts_newest_first_with_everything_a_client_needs(client, board):
    response = client.get("/api/v1/contracts")
    assert response.status_code == 200
    assert paths(response) == [
        "/movies",
        "/api/v1/orders",
        "/api/v1/products/{id}",
        "/api/v1/products",
    ]
    claimed = response.json["items"][2]
    assert claimed["status"] == "claimed"
    assert claimed["claimer"] == {"username": "gabriel", "display_name": "Gabriel Nunes"}
    assert claimed["responses"][0] == {
        "status_code": 200,
        "description": "OK",
        "example": PRODUCT,
        "schema": None,
        "examples": None,
    }
    assert claimed["mock_url"] == "http://localhost/mock/e-commerce-api/api/v1/products/{id}"
    assert claimed["html_url"] == f"http://localhost/contracts/{board['claimed']}"
    assert response.json["next_cursor"] is None and response.json["next"] is None
    assert response.headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("project=movie-api", ["/movies"]),
        ("method=post", ["/api/v1/orders"]),
        ("status=claimed", ["/api/v1/products/{id}"]),
        ("tag=catalog", ["/api/v1/products"]),
        ("q=trending", ["/movies"]),
        ("claimer=gabriel", ["/api/v1/products/{id}"]),
        ("author=ada&project=e-commerce-api&status=open", ["/api/v1/orders", "/api/v1/products"]),
        ("author=nobody", []),
    ],
)
def test_contracts_filter(client, board, query, expected):
    assert paths(client.get(f"/api/v1/contracts?{query}")) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("method=FETCH", "method must be one of GET, POST, PUT, PATCH, DELETE."),
        ("status=lost", "status must be one of open, claimed, in_progress, done."),
        ("limit=0", "limit must be a whole number from 1 to 100."),
        ("cursor=garbage!", "That page link is broken or out of date."),
    ],
)
def test_bad_filters_are_a_400_that_says_why(client, board, query, message):
    response = client.get(f"/api/v1/contracts?{query}")
    assert response.status_code == 400
    assert response.json["message"].startswith(message)


def test_cursor_pages_cover_everything_once(app, client, cast, count_queries):
    with app.app_context():
        bulk(cast["ada"], cast["gabriel"], 45)
    seen, url = [], "/api/v1/contracts?limit=20&project=bulk"
    with count_queries() as statements:
        first = client.get(url)
    while url:
        page = client.get(url).json
        seen += [item["id"] for item in page["items"]]
        url = page["next"] and page["next"].removeprefix("http://localhost")
    assert len(seen) == len(set(seen)) == 45
    assert seen == sorted(seen, reverse=True)
    assert first.json["next"].startswith("http://localhost/api/v1/contracts?")
    assert len(statements) <= 5  # one page, whatever its size: no query per contract


def test_an_unchanged_list_answers_304_to_its_etag(client, auth, board):
    auth.sign_in("ada")
    signed_in = client
    first = signed_in.get("/api/v1/contracts?limit=2")
    etag = first.headers["ETag"]
    again = signed_in.get("/api/v1/contracts?limit=2", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""

    assert signed_in.post(f"/contracts/{board['open']}/implement").status_code == 303
    changed = signed_in.get("/api/v1/contracts?limit=2", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag


def test_one_contract_with_its_history(client, auth, board):
    auth.sign_in("ada")
    signed_in = client
    edit = {
        "project": "E-commerce API",
        "method": "GET",
        "path": "/api/v1/products",
        "summary": "List every product",
        "version": "1",
        "responses-0-status_code": "200",
        "responses-0-example": '{"results": []}',
    }
    assert signed_in.post(f"/contracts/{board['open']}/edit", data=edit).status_code == 303
    response = signed_in.get(f"/api/v1/contracts/{board['open']}")
    assert response.status_code == 200
    assert response.json["version"] == 2 and response.json["summary"] == "List every product"
    (revision,) = response.json["history"]
    assert revision["version"] == 2 and revision["editor"]["username"] == "ada"
    summary = next(c for c in revision["changes"] if c["field"] == "summary")
    assert summary == {
        "field": "summary",
        "label": "Summary",
        "old": "List products",
        "new": "List every product",
    }


def test_a_missing_contract_is_a_json_404(client, board):
    for contract_id in (999, 2**40):
        response = client.get(f"/api/v1/contracts/{contract_id}")
        assert response.status_code == 404
        assert response.json["message"].startswith("There is no contract with that number.")


def test_learners_and_one_learner(client, cast):
    response = client.get("/api/v1/learners?track=frontend")
    assert [person["username"] for person in response.json["items"]] == ["gabriel", "hana"]
    ada = client.get("/api/v1/learners/ADA").json
    assert ada["display_name"] == "Ada Okafor" and ada["track"] == "backend"
    assert ada["html_url"] == "http://localhost/u/ada"
    assert "email" not in ada and "password_hash" not in ada
    assert client.get("/api/v1/learners/nobody").status_code == 404
    paged = client.get("/api/v1/learners?limit=2").json
    assert [person["username"] for person in paged["items"]] == ["ada", "brian"]
    assert client.get(paged["next"]).json["items"][0]["username"] == "gabriel"


def test_learners_carry_their_profile(app, client, cast):
    from nexus_board.extensions import db
    from nexus_board.models import User
    from nexus_board.profiles import services as profiles

    with app.app_context():
        ada = db.session.get(User, cast["ada"])
        profiles.add_learning(ada, kind="technology", name="Django", note="DRF views")
        profiles.add_learning(ada, kind="concept", name="Caching Strategies")
        profiles.add_challenge(ada, title="Slow list endpoint", solution="Added `select_related`.")
        profiles.add_takeaway(ada, text="Write tests early.")
        db.session.commit()
    listed = client.get("/api/v1/learners").json["items"]
    assert next(p for p in listed if p["username"] == "ada")["learnings"][0] == "Django"
    profile = client.get("/api/v1/learners/ada").json["profile"]
    assert profile["technologies"] == [{"name": "Django", "note": "DRF views"}]
    assert profile["concepts"] == [{"name": "Caching Strategies", "note": ""}]
    assert profile["challenges"][0]["title"] == "Slow list endpoint"
    assert profile["takeaways"] == ["Write tests early."]


def test_updates_newest_first_with_pinned_ones_apart(client, cast, make_update):
    make_update(cast["ada"], "Shipped the orders endpoint #django")
    make_update(cast["gabriel"], "Using the mock for the cart #react @ada")
    page = client.get("/api/v1/updates").json
    assert [u["body"] for u in page["items"]] == [
        "Using the mock for the cart #react @ada",
        "Shipped the orders endpoint #django",
    ]
    assert page["items"][0]["mentions"] == ["ada"] and page["pinned"] == []
    assert [u["tags"] for u in client.get("/api/v1/updates?tag=django").json["items"]] == [
        ["django"]
    ]


def test_the_update_feed_reads_tags_for_every_update_at_once(
    client, cast, make_update, count_queries
):
    for n in range(5):
        make_update(cast["ada"], f"Update {n} #django #api @gabriel")
    with count_queries() as statements:
        page = client.get("/api/v1/updates").json
    assert [u["tags"] for u in page["items"]] == [["api", "django"]] * 5
    assert len(statements) <= 4  # the updates, their tags, their mentions, the pinned ones


def test_projects_link_their_documents_and_mocks(client, board):
    (shop, movies) = client.get("/api/v1/projects").json["items"]
    assert shop == {
        "slug": "e-commerce-api",
        "name": "E-commerce API",
        "contracts": 3,
        "openapi_url": "http://localhost/projects/e-commerce-api/openapi.json",
        "mock_url": "http://localhost/mock/e-commerce-api/",
        "html_url": "http://localhost/projects/e-commerce-api/api",
    }
    assert movies["contracts"] == 1


def test_the_api_document_is_valid_openapi_at_a_stable_url(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    validate(response.json, cls=OpenAPIV31SpecValidator)
    assert response.json["servers"] == [{"url": "http://localhost/api/v1"}]
    assert client.get("/api/v1/").json["openapi"] == "http://localhost/api/v1/openapi.json"


def test_api_preflight_allows_the_token_header(client):
    response = client.options(
        "/api/v1/contracts",
        headers={"Origin": "http://localhost:3000", "Access-Control-Request-Method": "POST"},
    )
    assert response.status_code == 200
    assert "Authorization" in response.headers["Access-Control-Allow-Headers"]
