"""Reply threads over HTTP: in place with htmx, errors next to the field, filters, the hub."""

from sqlalchemy import select

from nexus_board.extensions import db
from nexus_board.models import Reply, Update

HTMX = {"HX-Request": "true"}


def ask(client, body="How do I version an API? #drf"):
    response = client.post("/updates", data={"body": body, "question": "y"})
    assert response.status_code == 303
    return response


def newest_update(app) -> int:
    with app.app_context():
        return db.session.scalar(select(Update.id).order_by(Update.id.desc()))


def test_a_reply_is_added_in_place_and_the_asker_accepts_it(app, cast, client_as):
    hana, ada = client_as("hana"), client_as("ada")
    ask(hana)
    update_id = newest_update(app)
    response = ada.post(f"/updates/{update_id}/replies", data={"body": "Use **URL** versions."},
                        headers=HTMX)  # fmt: skip
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in html
    assert "HX-Request" in response.headers["Vary"]
    assert 'id="thread"' in html and "<strong>URL</strong>" in html
    assert "Accept as the answer" not in html  # ada did not ask
    with app.app_context():
        reply_id = db.session.scalar(select(Reply.id))
    page = hana.get(f"/updates/{update_id}").get_data(as_text=True)
    assert "Accept as the answer" in page and "Waiting for an answer" in page
    accepted = hana.post(f"/replies/{reply_id}/accept", headers=HTMX).get_data(as_text=True)
    assert "Accepted answer" in accepted and "Answered:" in accepted


def test_an_empty_reply_says_why_next_to_the_field_and_saves_nothing(app, cast, client_as):
    hana = client_as("hana")
    ask(hana)
    update_id = newest_update(app)
    response = hana.post(f"/updates/{update_id}/replies", data={"body": " "}, headers=HTMX)
    assert response.status_code == 422
    assert 'id="body-error"' in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(Reply)) == 0


def test_its_author_edits_a_reply_in_place(app, cast, client_as):
    hana, ada = client_as("hana"), client_as("ada")
    ask(hana)
    update_id = newest_update(app)
    ada.post(f"/updates/{update_id}/replies", data={"body": "first"})
    with app.app_context():
        reply_id = db.session.scalar(select(Reply.id))
    form = ada.get(f"/replies/{reply_id}/edit", headers=HTMX).get_data(as_text=True)
    assert "Save reply" in form and "first" in form
    saved = ada.post(f"/replies/{reply_id}/edit", data={"body": "second"}, headers=HTMX)
    assert saved.status_code == 200 and "second" in saved.get_data(as_text=True)
    assert hana.post(f"/replies/{reply_id}/edit", data={"body": "x"}).status_code == 403
    deleted = ada.post(f"/replies/{reply_id}/delete", headers=HTMX).get_data(as_text=True)
    assert "No replies yet" in deleted


def test_the_feed_filters_unanswered_questions_and_keeps_it_in_the_url(app, cast, client_as):
    hana = client_as("hana")
    ask(hana, "Unanswered one?")
    ask(hana, "Answered one?")
    answered = newest_update(app)
    hana.post("/updates", data={"body": "Just news"})
    client_as("ada").post(f"/updates/{answered}/replies", data={"body": "Yes."})
    with app.app_context():
        reply_id = db.session.scalar(select(Reply.id))
    hana.post(f"/replies/{reply_id}/accept")
    page = app.test_client().get("/updates?show=unanswered").get_data(as_text=True)
    assert "Unanswered one?" in page
    assert "Answered one?" not in page and "Just news" not in page
    assert "Unanswered questions</h2>" in page or "Unanswered questions\n" in page
    questions = app.test_client().get("/updates?show=questions").get_data(as_text=True)
    assert "Answered one?" in questions and "Just news" not in questions
    assert app.test_client().get("/updates?show=nonsense").status_code == 400


def open_questions(client) -> str:
    """The hub's "Open questions" section."""
    page = client.get("/").get_data(as_text=True)
    return page[page.index('id="questions-heading"') : page.index('id="reviews-heading"')]


def test_the_hub_shows_open_questions_until_one_is_answered(app, cast, client_as):
    visitor = app.test_client()
    assert "No open questions this week" in open_questions(visitor)
    hana = client_as("hana")
    ask(hana, "Who knows Celery beat?")
    assert "Who knows Celery beat?" in open_questions(visitor)  # the cached hub moved on
    update_id = newest_update(app)
    client_as("ada").post(f"/updates/{update_id}/replies", data={"body": "Me."})
    with app.app_context():
        reply_id = db.session.scalar(select(Reply.id))
    hana.post(f"/replies/{reply_id}/accept")
    assert "Who knows Celery beat?" not in open_questions(visitor)
    profile = visitor.get("/u/ada").get_data(as_text=True)
    assert "Accepted answers</dt><dd>1</dd>" in profile


def test_a_visitor_sees_the_thread_and_no_form(app, cast, client_as):
    ask(client_as("hana"))
    page = app.test_client().get(f"/updates/{newest_update(app)}").get_data(as_text=True)
    assert "to reply" in page and "csrf_token" not in page
