"""Endpoints from READMEs: tables and lists in the layouts learners write, and the drafts."""

import io
import re

import pytest

from nexus_board.extensions import db
from nexus_board.models import Contract
from nexus_board.openapi.readme_endpoints import endpoints

TABLE = """# 🛒 E-commerce Backend

## API Endpoints

| Method | Endpoint | Description | Auth Required |
|--------|----------|-------------|---------------|
| GET | `/api/products/` | List products | No |
| POST | `/api/products/` | Create a product | Yes |
| GET | `/api/products/<int:pk>/` | Retrieve a product | ❌ |
| DELETE | /api/products/:id/ | Delete a product | ✅ |
"""

LISTS = """## Authentication (`/api/auth`)
- `POST /register/` — Create an account
- **POST** `/token/` - Get a JWT pair

### Users — base path /api/v1/users
* GET / : List users 🔒
* GET /{id}/ : One user (auth)
1. PATCH /{id}/ – Update a user

## Other
- GET /health/ — Is it up?

```bash
- POST /not/an/endpoint/
curl -X GET /api/products/
```
"""

MIXED = """# Project Nexus — Movie API

Base URL: `https://movies.example.com/api/v1`

| # | Route | Purpose | Permissions |
|---|-------|---------|-------------|
| 1 | GET /movies/trending/ | Trending movies | Public |
| 2 | POST /favorites/ | Save a favorite | JWT |

| Challenge | Solution |
|-----------|----------|
| GET /slow was slow | Caching |
"""


def found(text: str) -> list[tuple]:
    return [
        (e.method, e.path, e.summary, e.auth_required, e.base) for e in endpoints(text).endpoints
    ]


def test_a_method_endpoint_description_auth_table():
    assert found(TABLE) == [
        ("GET", "/api/products/", "List products", False, ""),
        ("POST", "/api/products/", "Create a product", True, ""),
        ("GET", "/api/products/{pk}/", "Retrieve a product", False, ""),
        ("DELETE", "/api/products/{id}/", "Delete a product", True, ""),
    ]


def test_lists_under_headings_that_name_their_base_path():
    assert found(LISTS) == [
        ("POST", "/api/auth/register/", "Create an account", False, "/api/auth"),
        ("POST", "/api/auth/token/", "Get a JWT pair", False, "/api/auth"),
        ("GET", "/api/v1/users/", "List users", True, "/api/v1/users"),
        ("GET", "/api/v1/users/{id}/", "One user", True, "/api/v1/users"),
        ("PATCH", "/api/v1/users/{id}/", "Update a user", False, "/api/v1/users"),
        ("GET", "/health/", "Is it up?", False, ""),  # a new heading ends the base path
    ]


def test_a_base_url_line_and_a_table_with_method_and_path_in_one_cell():
    assert found(MIXED) == [
        ("GET", "/api/v1/movies/trending/", "Trending movies", False, "/api/v1"),
        ("POST", "/api/v1/favorites/", "Save a favorite", True, "/api/v1"),
    ]  # the challenges table names no endpoint column: it is not read


def test_a_huge_readme_is_read_in_one_pass_up_to_its_limit():
    text = "\n".join(f"- GET /items/{i}/ — Item {i}" for i in range(1000)) + "\n" + "|" * 100_000
    result = endpoints(text)
    assert len(result.endpoints) == 200 and result.more == 800


@pytest.fixture
def ada(client, auth, cast):
    auth.sign_in("ada")
    return client


def start(client, text: str, project: str = "E-commerce API"):
    return client.post(
        "/projects/import/readme",
        data={"readme-project": project, "readme-readme": (io.BytesIO(text.encode()), "README.md")},
        content_type="multipart/form-data",
    )


def test_drafts_are_made_after_a_preview_and_shown_only_to_their_author(
    app, ada, client_as, contract
):
    existing = contract(path="/api/products/", summary="Products")
    response = start(ada, TABLE)
    assert response.status_code == 303, response.get_data(as_text=True)
    page = ada.get(response.headers["Location"]).get_data(as_text=True)
    assert "<strong>3</strong> drafts to make" in page
    assert "Already in the project: left alone" in page  # GET /api/products/ exists
    assert '<code class="path">/api/products/{pk}/</code>' in page
    fingerprint = re.search(r'name="fingerprint" type="hidden" value="(\w+)"', page).group(1)
    confirmed = ada.post(response.headers["Location"], data={"fingerprint": fingerprint})
    assert confirmed.headers["Location"] == "/contracts/drafts"
    with app.app_context():
        drafts = db.session.scalars(db.select(Contract).where(Contract.is_draft)).all()
        assert sorted(c.endpoint for c in drafts) == [
            "DELETE /api/products/{id}/",
            "GET /api/products/{pk}/",
            "POST /api/products/",
        ]
        assert db.session.get(Contract, existing).summary == "Products"  # left alone
        draft_id = next(c.id for c in drafts if c.method == "GET")
    listing = ada.get("/contracts/drafts").get_data(as_text=True)
    assert "Needs a response example" in listing
    hana, brian = client_as("hana"), client_as("brian")
    for other in (hana, brian, app.test_client()):
        assert other.get(f"/contracts/{draft_id}").status_code == 404
        assert "{pk}" not in other.get("/board").get_data(as_text=True)
        assert other.get("/api/v1/contracts").json["items"][0]["path"] == "/api/products/"
    claim = hana.post(f"/contracts/{draft_id}/claim")  # not even told that a draft is there
    assert claim.status_code == 404 and "draft" not in claim.get_data(as_text=True).lower()
    assert ada.get("/mock/e-commerce-api/api/products/1/").status_code == 404
    assert "{pk}" not in ada.get("/projects/e-commerce-api/openapi.json").get_data(as_text=True)
    assert "{pk}" not in ada.get("/board").get_data(as_text=True)  # not even for its author

    refused = ada.post(f"/contracts/{draft_id}/publish")
    assert refused.status_code == 303 and refused.headers["Location"].endswith("/edit")
    with app.app_context():
        assert db.session.get(Contract, draft_id).is_draft
    form = ada.get(f"/contracts/{draft_id}/edit").get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', form).group(1)
    edited = ada.post(f"/contracts/{draft_id}/edit", data={
        "project": "E-commerce API", "method": "GET", "path": "/api/products/{pk}/",
        "summary": "Retrieve a product", "version": version,
        "responses-0-status_code": "200", "responses-0-example": '{"id": 1}'})  # fmt: skip
    assert edited.status_code == 303
    with app.app_context():
        assert db.session.get(Contract, draft_id).is_draft  # editing does not publish
    assert ada.post(f"/contracts/{draft_id}/publish").status_code == 303
    assert hana.get(f"/contracts/{draft_id}").status_code == 200
    assert ada.get("/mock/e-commerce-api/api/products/1/").json == {"id": 1}


def test_a_readme_without_endpoints_says_how_to_list_them(ada):
    response = start(ada, "# Me\n\nI learned Django.\n")
    assert response.status_code == 422
    assert "No endpoints found: list them in a table" in response.get_data(as_text=True)
