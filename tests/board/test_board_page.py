"""/board: columns and counts, filters in the URL, cheap polling, load more, query counts."""

import re

import pytest

from nexus_board.board.queries import COLUMN_SIZE
from nexus_board.caching import COPIES, changed
from nexus_board.extensions import db

from .factories import bulk

HX = {"HX-Request": "true"}


def column(page: str, status: str) -> str:
    """The HTML of one column of the board page."""
    found = re.search(rf'<section class="board-column column-{status}".*?</section>', page, re.S)
    assert found, f"no {status} column"
    return found.group(0)


def shown_paths(page: str) -> set[str]:
    return set(re.findall(r'<code class="path">([^<]+)</code>', page))


def counts(page: str) -> dict:
    return {s: int(n) for s, n in re.findall(r'id="count-(\w+)"[^>]*>(\d+)', page)}


def test_visitors_see_four_columns_with_counts_and_no_buttons(client, contract):
    contract()
    contract(state="claimed", path="/a")
    contract(state="in_progress", path="/b")
    contract(state="done", path="/c")
    contract(state="done", path="/d")
    response = client.get("/board")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert counts(page) == {"open": 1, "claimed": 1, "in_progress": 1, "done": 2}
    for heading in ("Open", "Claimed", "In progress", "Done"):
        assert f'>{heading} <span class="count"' in page
    assert "/api/v1/products/{id}" in column(page, "open")
    assert "Claimed by <strong>Gabriel Nunes</strong>" in column(page, "claimed")
    assert "<button" not in column(page, "open")  # visitors read; signing in lets them act
    assert "Sign in</a> to post or claim" in page


def test_an_empty_board_says_so(client):
    page = client.get("/board").get_data(as_text=True)
    assert counts(page) == {"open": 0, "claimed": 0, "in_progress": 0, "done": 0}
    assert "Nothing open right now." in page


def test_buttons_follow_who_you_are(client, auth, contract):
    contract()
    auth.sign_in("hana")
    page = client.get("/board").get_data(as_text=True)
    assert ">Claim<span" in column(page, "open")
    assert "Post a contract" not in page
    auth.sign_out()
    auth.sign_in("ada")
    page = client.get("/board").get_data(as_text=True)
    assert ">Claim<span" not in page and ">Mark implemented<span" in page
    assert "Post a contract" in page


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("q=orders", {"/orders"}),
        ("q=V1/PRODUCTS", {"/api/v1/products/{id}"}),
        ("q=Place+an", {"/orders"}),
        ("q=100%25", set()),  # LIKE wildcards are escaped
        ("project=shop", {"/cart"}),
        ("method=POST", {"/orders"}),
        ("method=post", {"/orders"}),
        ("tag=checkout", {"/orders", "/cart"}),
        ("tag=checkout&project=e-commerce-api", {"/orders"}),
        ("method=TRACE", {"/api/v1/products/{id}", "/orders", "/cart"}),  # unknown: ignored
    ],
)
def test_filters_narrow_the_board(client, contract, query, shown):
    contract()
    contract(path="/orders", method="POST", request_example="{}", summary="Place an order",
             tags="checkout")  # fmt: skip
    contract(path="/cart", project="Shop", tags="checkout, cart")
    assert shown_paths(client.get(f"/board?{query}").get_data(as_text=True)) == shown


def test_personal_filters(client, auth, contract, app, cast):
    contract(state="claimed", claimer="gabriel", path="/mine")
    contract(state="claimed", claimer="hana", path="/hers")
    contract(path="/open")
    auth.sign_in("gabriel")

    def paths(query):
        return shown_paths(client.get(f"/board?{query}").get_data(as_text=True))

    assert paths("claimed=1") == {"/mine"}
    assert paths("changed=1") == set()
    assert paths("posted=1") == set()
    auth.sign_out()
    auth.sign_in("ada")
    assert paths("posted=1") == {"/mine", "/hers", "/open"}
    auth.sign_out()
    assert len(paths("claimed=1")) == 3  # a visitor has no "me": the filter is ignored


def test_filtering_with_htmx_returns_only_the_columns(client, contract):
    contract()
    response = client.get("/board?method=GET", headers=HX)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<html" not in page and 'class="board-grid"' in page
    assert "HX-Request" in response.headers["Vary"]
    assert re.search(r'id="board-poll" hx-get="/board\?since=[\w.]+&amp;method=GET"', page)


def test_polling_answers_204_until_the_board_changes(client, app, contract, count_queries):
    contract()
    page = client.get("/board", headers=HX).get_data(as_text=True)
    marker = re.search(r"since=([\w.]+)", page).group(1)
    with count_queries() as queries:
        response = client.get(f"/board?since={marker}", headers=HX)
    assert response.status_code == 204 and response.get_data() == b""
    assert queries == []  # nothing changed: no database work at all
    with app.app_context():
        changed("board")  # what every board service does before its commit
        db.session.commit()
    response = client.get(f"/board?since={marker}", headers=HX)
    assert response.status_code == 200
    assert f"since={marker}" not in response.get_data(as_text=True)


def test_each_column_shows_the_newest_fifty_then_loads_more(client, auth, app, cast):
    auth.sign_in("hana")
    with app.app_context():
        bulk(cast["ada"], cast["gabriel"], 4 * (COLUMN_SIZE + 10))
    page = client.get("/board").get_data(as_text=True)
    open_column = column(page, "open")
    assert open_column.count('class="card contract-card') == COLUMN_SIZE
    assert counts(page)["open"] == COLUMN_SIZE + 10
    more = re.search(r'<a href="(/board/columns/open\?cursor=[^"]+)"', open_column).group(1)
    more = more.replace("&amp;", "&")
    response = client.get(more, headers=HX)
    rest = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in rest
    assert rest.count('class="card contract-card') == 10
    assert "Load more" not in rest
    shown = re.findall(r"Bulk contract (\d+)", open_column + rest)
    assert len(shown) == len(set(shown)) == COLUMN_SIZE + 10  # no card twice, none skipped
    own_page = client.get(more)  # without JavaScript: a page of its own
    assert own_page.status_code == 200 and "<html" in own_page.get_data(as_text=True)
    assert 'hx-include="#board-filters"' in rest  # on the board, buttons act in place
    assert 'hx-include="#board-filters"' not in own_page.get_data(as_text=True)


@pytest.mark.parametrize("url", ["/board/columns/open?cursor=garbage", "/board/columns/open"])
def test_a_broken_load_more_link_is_a_400(client, url):
    assert client.get(url).status_code == 400


def test_an_unknown_column_is_a_404(client):
    assert client.get("/board/columns/archived?cursor=x").status_code == 404


def test_the_board_costs_the_same_queries_for_10_and_500_contracts(
    client, auth, app, cast, count_queries
):
    auth.sign_in("gabriel")
    with app.app_context():
        bulk(cast["ada"], cast["gabriel"], 10)
    assert client.get("/updates").status_code == 200  # the unread badge is kept from here on
    with count_queries() as small:
        assert client.get("/board").status_code == 200
    with app.app_context():
        bulk(cast["ada"], cast["gabriel"], 490, project="More")
    with count_queries() as large:
        page = client.get("/board").get_data(as_text=True)
    assert sum(counts(page).values()) == 500
    # Issue 18: no page above 8 (the signed-in device row is one of them).
    assert len(large) == len(small) <= 8, large


def test_visitors_get_the_board_from_the_cache_until_it_changes(
    client, app, contract, cast, count_queries
):
    contract_id = contract()
    first = client.get("/board").get_data(as_text=True)
    with count_queries() as queries:
        again = client.get("/board").get_data(as_text=True)
    assert queries == [] and again == first
    gabriel = app.test_client()
    gabriel.post("/sign-in", data={"login": "gabriel", "password": "correct horse battery staple"})
    assert ">Claim<span" in gabriel.get("/board").get_data(as_text=True)  # not the visitor's copy
    claimed = gabriel.post(f"/contracts/{contract_id}/claim", data={"view": "board"})
    assert claimed.status_code == 303
    after = client.get("/board").get_data(as_text=True)
    assert counts(after) == {"open": 0, "claimed": 1, "in_progress": 0, "done": 0}
    assert "Claimed by <strong>Gabriel Nunes</strong>" in after


def test_a_renamed_learner_shows_on_the_cached_board_at_once(app, client, contract):
    contract()
    assert "by Ada Okafor" in client.get("/board").get_data(as_text=True)  # now cached
    ada = app.test_client()
    ada.post("/sign-in", data={"login": "ada", "password": "correct horse battery staple"})
    ada.post("/settings", data={"display_name": "Ada Renamed", "track": "backend"})
    assert "by Ada Renamed" in client.get("/board").get_data(as_text=True)


def test_a_made_up_column_cursor_is_a_400(client):
    naive = "WyIyMDIwLTAxLTAxVDAwOjAwOjAwIiw1XQ"  # ["2020-01-01T00:00:00", 5]: no time zone
    assert client.get(f"/board/columns/open?cursor={naive}").status_code == 400


def options(page: str, name: str) -> list[tuple[str, bool]]:
    """The filter form's <select name=…> options: (label, selected)."""
    select = re.search(rf'<select id="filter-{name}" name="{name}">(.*?)</select>', page, re.S)
    assert select, f"no {name} filter"
    found = re.findall(r"<option([^>]*)>([^<]*)</option>", select.group(1))
    return [(label, "selected" in attributes) for attributes, label in found]


def test_the_filter_form_lists_projects_and_tags_with_the_chosen_one_selected(
    app, client, contract
):
    contract(tags="checkout")
    contract(path="/cart", project="Shop", tags="cart")
    page = client.get("/board?project=shop&tag=cart").get_data(as_text=True)
    assert ("Shop", True) in options(page, "project")
    assert ("E-commerce API", False) in options(page, "project")
    assert options(page, "tag") == [("Any tag", False), ("cart", True), ("checkout", False)]
    # The same options, kept in this process, with nothing or something else selected.
    page = client.get("/board?tag=nope").get_data(as_text=True)
    assert options(page, "tag") == [("Any tag", False), ("cart", False), ("checkout", False)]
    assert ("Shop", False) in options(page, "project")
    # A new tag names new options: they show at the next marker check (within a second).
    contract(path="/wishlist", tags="wishlist")
    with app.app_context():
        app.extensions[COPIES].clear()
    page = client.get("/board?tag=nope").get_data(as_text=True)
    assert ("wishlist", False) in options(page, "tag")
    page = client.get("/board?tag=wishlist").get_data(as_text=True)
    assert ("wishlist", True) in options(page, "tag")


def test_made_up_filter_values_share_one_copy_of_the_options(app, client, contract):
    contract(tags="checkout")
    for value in ("a", "b", "c<script>"):
        page = client.get(f"/board?tag={value}&project={value}").get_data(as_text=True)
        assert "<script>" not in page.split("</select>")[0].split('id="filter-project"')[-1]
    kept = app.extensions["nexus_board.board_filter_options"]
    assert len(kept._values) == 2  # projects and tags, each with nothing selected
