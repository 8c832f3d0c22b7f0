"""The review board and a request's page over HTTP: filters in the URL, buttons in place."""

from sqlalchemy import select

from nexus_board.extensions import db
from nexus_board.models import ReviewRequest

from .factories import FIELDS, ask

HTMX = {"HX-Request": "true"}


def column(page: str, status: str) -> str:
    start = page.index(f'id="heading-{status}"')
    end = page.find('<section class="column"', start)
    return page[start : end if end != -1 else None]


def test_asking_for_a_review_leads_to_its_page(app, cast, client_as):
    ada = client_as("ada")
    assert "Ask for a review" in ada.get("/reviews/new").get_data(as_text=True)
    response = ada.post("/reviews/new", data=FIELDS)
    assert response.status_code == 303
    page = ada.get(response.headers["Location"]).get_data(as_text=True)
    assert "Review my pagination" in page and "<strong>stable</strong>" in page
    assert (
        'href="https://github.com/ada/shop/pull/7" rel="nofollow noopener noreferrer ugc"' in page
    )


def test_a_bad_link_is_refused_next_to_the_field_keeping_the_input(app, cast, client_as):
    response = client_as("ada").post("/reviews/new", data=FIELDS | {"link": "http://x.test/pr"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and 'id="link-error"' in html
    assert "Review my pagination" in html  # what was typed stays
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(ReviewRequest)) == 0


def test_frontend_learners_are_told_reviews_are_for_backend_learners(cast, client_as):
    assert client_as("hana").get("/reviews/new").status_code == 403


def test_a_claim_answers_in_place_and_a_lost_one_says_who_holds_it(app, cast, client_as):
    with app.app_context():
        review_id = ask(cast["ada"])
    visitor = app.test_client()
    assert "Nobody yet" in visitor.get(f"/reviews/{review_id}").get_data(as_text=True)
    response = client_as("brian").post(f"/reviews/{review_id}/claim", headers=HTMX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in html
    assert "Post the review and mark it done" in html
    lost = client_as("mentor").post(f"/reviews/{review_id}/claim", headers=HTMX)
    assert lost.status_code == 409 and "Brian Mwangi is already reviewing this." in lost.get_data(
        as_text=True
    )
    assert "Brian Mwangi" in visitor.get(f"/reviews/{review_id}").get_data(as_text=True)
    empty = client_as("brian").post(f"/reviews/{review_id}/finish", data={"review": ""},
                                    headers=HTMX)  # fmt: skip
    assert empty.status_code == 422 and "Write the review first." in empty.get_data(as_text=True)
    done = client_as("brian").post(f"/reviews/{review_id}/finish", data={"review": "**Ship it**"})
    assert done.status_code == 303
    page = client_as("ada").get(f"/reviews/{review_id}").get_data(as_text=True)
    assert "<strong>Ship it</strong>" in page and "Thank the reviewer" in page


def test_the_board_has_three_columns_and_filters_in_the_url(app, cast, client_as):
    with app.app_context():
        ask(cast["ada"], title="Open one", tags="python")
        ask(cast["ada"], title="Being reviewed", state="in_review", reviewer_id=cast["brian"],
            tags="go")  # fmt: skip
        ask(cast["brian"], title="Brian's, done", state="done", reviewer_id=cast["ada"])
    page = app.test_client().get("/reviews").get_data(as_text=True)
    assert "Open one" in column(page, "open")
    assert "Being reviewed" in column(page, "in_review")
    assert "Brian&#39;s, done" in column(page, "done")
    brian = client_as("brian")
    mine = brian.get("/reviews?mine=1").get_data(as_text=True)
    assert "Brian&#39;s, done" in mine and "Open one" not in mine
    reviewing = brian.get("/reviews?reviewing=1").get_data(as_text=True)
    assert "Being reviewed" in reviewing and "Open one" not in reviewing
    tagged = app.test_client().get("/reviews?tag=go").get_data(as_text=True)
    assert "Being reviewed" in tagged and "Open one" not in tagged
    assert "No requests match these filters." in app.test_client().get(
        "/reviews?tag=cobol"
    ).get_data(as_text=True)
    hub = app.test_client().get("/").get_data(as_text=True)
    assert "1 waiting for a reviewer</a> · 1 in review · 1 done" in hub


def test_a_column_pages_on_with_load_more(app, cast, monkeypatch):
    from nexus_board.reviews import queries

    monkeypatch.setattr(queries, "REVIEW_PAGE", 2)
    monkeypatch.setattr(queries.column, "__defaults__", (None, 2))
    with app.app_context():
        for number in range(3):
            ask(cast["ada"], title=f"Request {number}")
    page = app.test_client().get("/reviews").get_data(as_text=True)
    assert "Request 2" in page and "Request 1" in page and "Request 0" not in page
    more = page[page.index('class="load-more"') :]
    url = more[more.index('href="') + 6 : more.index('"', more.index('href="') + 6)]
    rest = app.test_client().get(url.replace("&amp;", "&"), headers=HTMX).get_data(as_text=True)
    assert "Request 0" in rest and "Request 1" not in rest
    assert app.test_client().get("/reviews?status=open&before=broken").status_code == 400


def test_the_empty_board_says_what_to_do(client):
    assert "No review request waits." in client.get("/reviews").get_data(as_text=True)
