"""Replies and review requests under moderation: hidden from cached pages and counts at once,
shown with the reason to their authors, reportable in place, and a deletion that leaves the log."""

import pytest
from sqlalchemy import select

from nexus_board.errors import NotFound
from nexus_board.extensions import db
from nexus_board.models import Activity, AuditEntry, Reply, ReviewRequest, User
from nexus_board.moderation import services as moderation
from nexus_board.replies.services import accept, add_reply
from nexus_board.reviews.services import request_review
from nexus_board.updates.services import post_update

HTMX = {"HX-Request": "true"}


def user(name: str) -> User:
    return db.session.scalar(select(User).where(User.username == name))


def question_with_reply(app, body: str, *, accepted: bool = False) -> tuple[int, int]:
    """hana's question and brian's reply to it: their ids."""
    with app.app_context():
        question = post_update(user("hana"), "How do I paginate?", question=True)
        reply = add_reply(question, user("brian"), body)
        if accepted:
            accept(reply, user("hana"))
        db.session.commit()
        return question.id, reply.id


def review_by(app, name: str, title: str) -> int:
    with app.app_context():
        review = request_review(user(name), title=title, link="https://github.com/a/b/pull/7",
                                focus="The serializers", tags="django")  # fmt: skip
        db.session.commit()
        return review.id


def test_a_hidden_reply_leaves_the_cached_thread_at_once(app, cast, client, client_as):
    question_id, reply_id = question_with_reply(app, "Buy followers here")
    page = f"/updates/{question_id}"
    assert "Buy followers here" in client.get(page).get_data(as_text=True)  # now cached
    mentor = client_as("mentor")
    hidden = mentor.post(f"/moderation/reply/{reply_id}/hide", data={"reason": "Spam"})
    assert hidden.status_code == 303
    assert hidden.headers["Location"].endswith(f"/updates/{question_id}#reply-{reply_id}")
    for viewer in (client, client_as("gabriel"), client_as("hana")):
        text = viewer.get(page).get_data(as_text=True)
        assert "Buy followers here" not in text and "No replies yet" in text
    assert client.get(f"/replies/{reply_id}").status_code == 404
    own = client_as("brian").get(page).get_data(as_text=True)
    assert "Hidden by a moderator:" in own and "Spam" in own and "Buy followers here" in own
    admin = mentor.get(page).get_data(as_text=True)
    assert "Show again" in admin and "Buy followers here" in admin
    assert mentor.post(f"/moderation/reply/{reply_id}/unhide").status_code == 303
    assert "Buy followers here" in client.get(page).get_data(as_text=True)


def test_a_hidden_accepted_answer_leaves_the_question_unanswered(app, cast, client, client_as):
    question_id, reply_id = question_with_reply(app, "Use a cursor", accepted=True)
    assert "Answered" in client.get("/updates").get_data(as_text=True)
    with app.app_context():
        moderation.hide("reply", reply_id, user("mentor"), "Copied from elsewhere")
        db.session.commit()
    feed = client.get("/updates").get_data(as_text=True)
    assert "Unanswered" in feed and "No replies yet" in feed
    assert "How do I paginate?" in client.get("/updates?show=unanswered").get_data(as_text=True)
    assert "Use a cursor" not in client.get(f"/updates/{question_id}").get_data(as_text=True)
    profile = client.get("/u/brian").get_data(as_text=True)
    assert "<dt>Accepted answers</dt><dd>0</dd>" in profile


def test_a_learner_reports_a_reply_in_place_and_never_their_own(app, cast, client_as):
    question_id, reply_id = question_with_reply(app, "Off-topic advert")
    gabriel = client_as("gabriel")
    page = gabriel.get(f"/updates/{question_id}").get_data(as_text=True)
    assert f'action="/report/reply/{reply_id}"' in page
    sent = gabriel.post(f"/report/reply/{reply_id}", data={"reason": "spam"}, headers=HTMX)
    assert sent.status_code == 200 and "Thank you" in sent.get_data(as_text=True)
    own = client_as("brian").get(f"/updates/{question_id}").get_data(as_text=True)
    assert f'action="/report/reply/{reply_id}"' not in own
    assert (
        client_as("brian").post(f"/report/reply/{reply_id}", data={"reason": "spam"}).status_code
        == 403
    )
    queue = client_as("mentor").get("/admin/reports").get_data(as_text=True)
    assert "a reply by Brian Mwangi" in queue and "Off-topic advert" in queue


def test_a_reply_to_a_hidden_update_cannot_be_reported(app, cast):
    question_id, reply_id = question_with_reply(app, "Fine words")
    with app.app_context():
        moderation.hide("update", question_id, user("mentor"), "Spam")
        db.session.commit()
        with pytest.raises(NotFound):
            moderation.report("reply", reply_id, user("gabriel"), "spam")


def test_an_admin_deleting_a_reply_from_its_own_button_is_audited(app, cast, client_as):
    question_id, reply_id = question_with_reply(app, "Rude words")
    assert client_as("mentor").post(f"/replies/{reply_id}/delete").status_code == 303
    with app.app_context():
        assert db.session.get(Reply, reply_id) is None
        row = db.session.scalar(select(AuditEntry))
        assert (row.kind, row.item_id, row.action, row.summary) == (
            "reply",
            reply_id,
            "delete",
            "Rude words",
        )
        replied = db.session.scalar(select(Activity).where(Activity.subject_id == question_id))
        assert "Rude words" not in str(replied.detail)


def test_a_hidden_review_request_leaves_the_cached_board_and_stops(app, cast, client, client_as):
    review_id = review_by(app, "ada", "Review my spam link")
    for url in ("/reviews", f"/reviews/{review_id}", "/activity"):
        assert "Review my spam link" in client.get(url).get_data(as_text=True)  # now cached
    mentor = client_as("mentor")
    hidden = mentor.post(f"/moderation/review/{review_id}/hide", data={"reason": "Spam"})
    assert hidden.status_code == 303
    assert hidden.headers["Location"].endswith(f"/reviews/{review_id}")
    for url in ("/reviews", "/activity", "/"):
        assert "Review my spam link" not in client.get(url).get_data(as_text=True), url
    assert client.get(f"/reviews/{review_id}").status_code == 404
    brian = client_as("brian")
    assert brian.get(f"/reviews/{review_id}").status_code == 404
    assert brian.post(f"/reviews/{review_id}/claim").status_code == 404
    own = client_as("ada").get(f"/reviews/{review_id}").get_data(as_text=True)
    assert "Hidden by a moderator:" in own and "Spam" in own
    refused = client_as("ada").post(f"/reviews/{review_id}/unclaim")
    assert refused.status_code == 409 and "A moderator hid" in refused.get_data(as_text=True)
    inbox = client_as("ada").get("/inbox").get_data(as_text=True)
    assert "Grace Mentor hid" in inbox
    with app.app_context():
        assert db.session.get(ReviewRequest, review_id).status.value == "open"


def test_a_learner_reports_a_review_request_and_an_admin_deletes_it(app, cast, client, client_as):
    review_id = review_by(app, "ada", "Review my advert")
    brian = client_as("brian")
    page = brian.get(f"/reviews/{review_id}").get_data(as_text=True)
    assert f'action="/report/review/{review_id}"' in page
    assert brian.post(f"/report/review/{review_id}", data={"reason": "spam"}).status_code == 303
    mentor = client_as("mentor")
    assert "a review request by Ada Okafor" in mentor.get("/admin/reports").get_data(as_text=True)
    deleted = mentor.post(f"/moderation/review/{review_id}/delete", data={"reason": "Spam"})
    assert deleted.status_code == 303
    assert client.get(f"/reviews/{review_id}").status_code == 404
    assert "Review my advert" not in client.get("/activity").get_data(as_text=True)
    with app.app_context():
        assert db.session.get(ReviewRequest, review_id) is None
        actions = [r.action for r in db.session.scalars(select(AuditEntry))]
        assert actions == ["delete"]
        rows = db.session.scalars(select(Activity).where(Activity.subject_type == "review"))
        # Its request is withdrawn; only the author's own notice of the deletion names it.
        assert [(a.verb, a.subject, a.public) for a in rows] == [
            ("review.requested", "(a review request since deleted)", False),
            ("moderation.removed", "Review my advert", False),
        ]
