"""/contracts/<id>, the post and edit forms, and deleting, over HTTP."""

import re

import pytest
from sqlalchemy import func, select

from nexus_board.extensions import db
from nexus_board.models import Contract, Revision

HX = {"HX-Request": "true"}


def form(**fields):
    """What the post form sends for a valid POST /api/v1/orders."""
    data = {
        "project": "E-commerce API",
        "method": "POST",
        "path": "/api/v1/orders",
        "summary": "Place an order",
        "description": "Reads the **cart**.",
        "request_example": '{"items": [{"product_id": 1, "quantity": 2}]}',
        "tags": "orders, checkout",
        "responses-0-status_code": "201",
        "responses-0-description": "",
        "responses-0-example": '{"id": 10, "status": "pending"}',
    }
    data.update(fields)
    return data


def contracts(app):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Contract))


def test_the_contract_page_shows_everything(client, contract):
    contract_id = contract(description="Use `page`.\n\n<script>alert(1)</script>")
    response = client.get(f"/contracts/{contract_id}")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<h1" in page and "/api/v1/products/{id}</code>" in page
    assert "<code>page</code>" in page and "<script>alert" not in page  # sanitized Markdown
    # The example, pretty-printed and highlighted on the server (Pygments' classes, no style).
    key = '<span class="nt">"name"</span><span class="p">:</span>'
    assert f'<span class="w">  </span>{key}<span class="w"> </span>' in page
    assert '<span class="s2">"Shoe"</span>' in page
    assert "404</span> Not Found" in page and "No body." in page
    assert "Version 1</strong> · posted by Ada Okafor" in page
    assert "No comments yet." in page and "Sign in</a> to comment" in page


def test_an_unknown_contract_is_a_404(client):
    response = client.get("/contracts/999")
    assert response.status_code == 404
    assert "no contract with that number" in response.get_data(as_text=True)


def test_only_backend_learners_and_admins_get_the_post_form(client, auth, cast):
    assert client.get("/contracts/new").status_code == 302  # to sign in
    auth.sign_in("gabriel")
    assert client.get("/contracts/new").status_code == 403
    auth.sign_out()
    auth.sign_in("ada")
    page = client.get("/contracts/new").get_data(as_text=True)
    assert "Post a contract" in page and 'name="responses-0-status_code"' in page
    assert 'value="200"' in page  # a sensible first response


def test_posting_a_contract_redirects_to_its_page(client, auth, app, cast):
    auth.sign_in("ada")
    response = client.post("/contracts/new", data=form())
    assert response.status_code == 303
    with app.app_context():
        contract = db.session.scalar(select(Contract))
        assert (contract.method, contract.path, contract.author_id) == (
            "POST",
            "/api/v1/orders",
            cast["ada"],
        )
        assert contract.tag_names == ["checkout", "orders"]
    assert response.headers["Location"] == f"/contracts/{contract.id}"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Posted POST /api/v1/orders." in page and "201</span> Created" in page


def test_bad_json_shows_line_and_column_and_keeps_the_input(client, auth, app, cast):
    auth.sign_in("ada")
    response = client.post("/contracts/new", data=form(**{"responses-0-example": '{"id": 10,}'}))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Not valid JSON: line 1, column 11" in page
    assert 'id="responses-0-example-error"' in page and 'aria-invalid="true"' in page
    assert "Place an order" in page and "{&#34;id&#34;: 10,}" in page  # nothing typed is lost
    assert contracts(app) == 0


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"path": "api/orders"}, "Start the path with /"),
        ({"request_example": ""}, "A POST request needs a JSON body example."),
        ({"responses-0-status_code": "700"}, "100 to 599"),
        ({"method": "TRACE"}, "Not a valid choice"),
    ],
)
def test_each_mistake_is_shown_next_to_its_field(client, auth, app, cast, fields, message):
    auth.sign_in("ada")
    response = client.post("/contracts/new", data=form(**fields))
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert contracts(app) == 0


def test_a_duplicate_links_to_the_existing_contract(client, auth, app, cast, contract):
    existing = contract(method="POST", path="/api/v1/orders/", request_example="{}")
    auth.sign_in("brian")
    response = client.post("/contracts/new", data=form(path="/api/v1/orders/"))
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert f'<a href="/contracts/{existing}">Open the existing contract</a>' in page
    assert contracts(app) == 1


def test_response_rows_are_added_and_removed_in_place(client, auth, app, cast):
    auth.sign_in("ada")
    response = client.post("/contracts/new", data=form(add_response="1"), headers=HX)
    rows = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in rows
    assert rows.startswith('\n<fieldset id="responses"') or '<fieldset id="responses"' in rows[:200]
    assert (
        "Response 2</legend>" in rows
        and "{&#34;id&#34;: 10, &#34;status&#34;: &#34;pending&#34;}" in rows
    )
    data = form(**{"responses-1-status_code": "400", "remove_response": "0"})
    rows = client.post("/contracts/new", data=data, headers=HX).get_data(as_text=True)
    assert "Response 2</legend>" not in rows and 'value="400"' in rows
    assert contracts(app) == 0  # neither click saved anything


def test_editing_saves_a_revision_shown_in_the_history(client, auth, app, contract):
    contract_id = contract()
    auth.sign_in("ada")
    page = client.get(f"/contracts/{contract_id}/edit").get_data(as_text=True)
    assert 'name="version" type="hidden" value="1"' in page
    data = {
        "project": "E-commerce API", "method": "GET", "path": "/api/v1/products/{id}",
        "summary": "Fetch one product", "tags": "products", "version": "1",
        "responses-0-status_code": "200", "responses-0-example": '{"id": 1}',
    }  # fmt: skip
    response = client.post(f"/contracts/{contract_id}/edit", data=data)
    assert response.status_code == 303
    page = client.get(f"/contracts/{contract_id}").get_data(as_text=True)
    assert "Saved version 2." in page
    assert "Version 2</strong> · Ada Okafor" in page
    assert "<del>Get one product</del>" in page and "<ins>Fetch one product</ins>" in page
    assert 'class="diff-line diff-del"' in page  # the example's removed lines
    assert "Response 404" in page
    again = client.post(f"/contracts/{contract_id}/edit", data=data | {"version": "2"})
    assert again.status_code == 303
    assert "Nothing changed." in client.get(f"/contracts/{contract_id}").get_data(as_text=True)


def test_a_stale_save_gets_409_with_the_newer_version(client, auth, app, contract):
    contract_id = contract()
    auth.sign_in("ada")
    data = {
        "project": "E-commerce API", "method": "GET", "path": "/api/v1/products/{id}",
        "summary": "First", "version": "1", "responses-0-status_code": "200",
    }  # fmt: skip
    assert client.post(f"/contracts/{contract_id}/edit", data=data).status_code == 303
    response = client.post(f"/contracts/{contract_id}/edit", data=data | {"summary": "Second"})
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "changed while you were editing it (it is now version 2)" in page
    assert "<del>Get one product</del> → <ins>First</ins>" in page
    assert 'value="Second"' in page and 'name="version" type="hidden" value="2"' in page
    with app.app_context():
        assert db.session.get(Contract, contract_id).summary == "First"
        assert db.session.scalar(select(func.count()).select_from(Revision)) == 1


@pytest.mark.parametrize(("who", "status"), [("brian", 403), ("gabriel", 403), ("hana", 403)])
def test_only_the_author_or_an_admin_edits(client, auth, contract, who, status):
    contract_id = contract()
    auth.sign_in(who)
    assert client.get(f"/contracts/{contract_id}/edit").status_code == status
    assert (
        client.post(f"/contracts/{contract_id}/edit", data={"summary": "x"}).status_code == status
    )


def test_an_admin_can_edit(client, auth, contract):
    contract_id = contract()
    auth.sign_in("mentor")
    assert client.get(f"/contracts/{contract_id}/edit").status_code == 200


def test_the_author_deletes_an_open_contract(client, auth, app, contract):
    contract_id = contract()
    auth.sign_in("ada")
    assert "Delete</button>" in client.get(f"/contracts/{contract_id}").get_data(as_text=True)
    response = client.post(f"/contracts/{contract_id}/delete")
    assert (response.status_code, response.headers["Location"]) == (303, "/board")
    assert "Deleted GET /api/v1/products/{id}." in client.get("/board").get_data(as_text=True)
    assert contracts(app) == 0
    assert client.get(f"/contracts/{contract_id}").status_code == 410  # gone, history kept
    assert client.get("/contracts/99999").status_code == 404


def test_a_deleted_contract_keeps_its_history_and_comments(client, auth, app, contract):
    contract_id = contract()
    auth.sign_in("gabriel")
    client.post(f"/contracts/{contract_id}/comments", data={"body": "Is **id** a UUID?"})
    auth.sign_out()
    auth.sign_in("ada")
    page = client.get(f"/contracts/{contract_id}/edit").get_data(as_text=True)
    version = re.search(r'name="version"[^>]*value="(\d+)"', page).group(1)
    fields = form(summary="Get one product by id", version=version)
    assert client.post(f"/contracts/{contract_id}/edit", data=fields).status_code == 303
    client.post(f"/contracts/{contract_id}/delete")

    response = client.get(f"/contracts/{contract_id}")
    page = response.get_data(as_text=True)
    assert response.status_code == 410
    assert "Ada Okafor deleted this contract" in page
    assert "Get one product by id" in page and "Version 2" in page  # the edit, from → to
    assert "<strong>id</strong>" in page and "Gabriel Nunes" in page  # the comment
    with app.app_context():  # the next contract gets a new number, never the deleted one's
        from nexus_board.models import User

        from .factories import post

        ada = db.session.scalar(select(User.id).where(User.username == "ada"))
        assert post(ada, path="/api/v1/other") > contract_id


def test_a_claimed_contract_cannot_be_deleted_by_its_author(client, auth, app, contract):
    contract_id = contract(state="in_progress")
    auth.sign_in("ada")
    assert "Delete</button>" not in client.get(f"/contracts/{contract_id}").get_data(as_text=True)
    response = client.post(f"/contracts/{contract_id}/delete")
    assert response.status_code == 409
    assert "Gabriel Nunes is building on this contract" in response.get_data(as_text=True)
    assert contracts(app) == 1
    with app.app_context():  # nothing archived for a refused delete
        from nexus_board.models.contract_activity import DeletedContract

        assert db.session.scalar(select(func.count()).select_from(DeletedContract)) == 0


def test_the_contract_page_costs_a_fixed_number_of_queries(client, auth, contract, count_queries):
    contract_id = contract(state="claimed")
    auth.sign_in("gabriel")
    for body in ("one", "two"):
        client.post(f"/contracts/{contract_id}/comments", data={"body": body})
    client.get(f"/contracts/{contract_id}")  # the unread badge is kept from here on
    with count_queries() as few:
        client.get(f"/contracts/{contract_id}")
    for n in range(10):
        client.post(f"/contracts/{contract_id}/comments", data={"body": f"more {n}"})
    with count_queries() as many:
        page = client.get(f"/contracts/{contract_id}").get_data(as_text=True)
    assert page.count('class="comment"') == 12
    assert len(many) == len(few), many
    assert re.search(r"Comments <span class=\"count\">12</span>", page)


def test_visitors_get_the_contract_page_from_the_cache_until_it_changes(
    client, auth, app, contract, count_queries
):
    contract_id = contract()
    visitor = app.test_client()
    visitor.get(f"/contracts/{contract_id}")
    with count_queries() as queries:
        assert visitor.get(f"/contracts/{contract_id}").status_code == 200
    assert queries == []
    auth.sign_in("gabriel")
    client.post(f"/contracts/{contract_id}/comments", data={"body": "A fresh question"})
    assert "A fresh question" in visitor.get(f"/contracts/{contract_id}").get_data(as_text=True)


def test_a_new_update_leaves_the_cached_contract_page_alone(
    client, auth, app, contract, count_queries
):
    contract_id = contract()
    visitor = app.test_client()
    visitor.get(f"/contracts/{contract_id}")
    auth.sign_in("gabriel")
    assert client.post("/updates", data={"body": "Claimed the products list"}).status_code == 303
    with count_queries() as queries:
        assert visitor.get(f"/contracts/{contract_id}").status_code == 200
    assert queries == []  # the page shows no updates: posting one does not retire it


@pytest.mark.parametrize("url", ["/contracts/new", "/contracts/{id}/edit"])
def test_enter_in_any_field_presses_the_main_button(client, auth, contract, url):
    contract_id = contract()
    auth.sign_in("ada")
    form = {"add_response": "1"}  # two rows: each has a "Remove response" button
    page = client.post(url.format(id=contract_id), data=form).get_data(as_text=True)
    body = page.split('class="stack contract-form"')[1].split("</form>")[0]
    first = re.search(r"<button[^>]*>", body).group(0)
    assert 'type="submit"' in first and "name=" not in first  # a plain submit, no row action
    assert "Remove response 1" in body
