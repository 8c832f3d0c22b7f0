"""Who may ask, reply, edit, delete and accept, and what each tells whom."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from nexus_board.errors import Conflict, Forbidden, Invalid
from nexus_board.extensions import db
from nexus_board.limits import THREAD_REPLIES
from nexus_board.models import Notification, Reply, User
from nexus_board.models.types import utcnow
from nexus_board.replies import queries, services
from nexus_board.updates import queries as update_queries
from nexus_board.updates.services import post_update


def user(name: str) -> User:
    return db.session.scalar(select(User).where(User.username == name))


def inbox(name: str) -> list[str]:
    query = select(Notification).where(Notification.user_id == user(name).id)
    return [row.activity.verb for row in db.session.scalars(query)]


@pytest.fixture
def question(app, cast):
    """hana's question, asked through the service, with an app context open for the test."""
    with app.app_context():
        asked = post_update(user("hana"), "How do I page a DRF list? #drf", question=True)
        db.session.commit()
        yield asked


def test_anyone_signed_in_asks_and_the_feed_knows_it_is_a_question(question):
    assert question.question and not question.announcement


def test_an_announcement_cannot_be_a_question(app, cast):
    with app.app_context(), pytest.raises(Invalid) as refused:
        post_update(user("mentor"), "Demo day", announcement=True, question=True)
    assert "question" in refused.value.errors


def test_a_reply_tells_the_asker_and_not_the_replier(question):
    services.add_reply(question, user("ada"), "Use `PageNumberPagination`.")
    db.session.commit()
    assert inbox("hana") == ["update.replied"]
    assert inbox("ada") == []


def test_an_empty_or_long_reply_is_refused_next_to_the_body_and_nothing_is_saved(question):
    for body in ("   ", "x" * (services.MAX_REPLY + 1)):
        with pytest.raises(Invalid) as refused:
            services.add_reply(question, user("ada"), body)
        assert "body" in refused.value.errors
    db.session.rollback()
    assert queries.thread(question.id) == []


def test_a_thread_is_capped(question, monkeypatch):
    monkeypatch.setattr(services, "THREAD_REPLIES", 2)
    services.add_reply(question, user("ada"), "one")
    services.add_reply(question, user("brian"), "two")
    with pytest.raises(Conflict, match="2 replies"):
        services.add_reply(question, user("gabriel"), "three")
    assert THREAD_REPLIES >= 100  # the real cap leaves room for a lively thread


def test_only_its_author_edits_a_reply(question):
    reply = services.add_reply(question, user("ada"), "first")
    with pytest.raises(Forbidden):
        services.edit_reply(reply, user("brian"), "mine now")
    with pytest.raises(Forbidden):
        services.edit_reply(reply, user("mentor"), "an admin edits nobody's words")
    services.edit_reply(reply, user("ada"), "second")
    assert reply.body == "second" and reply.edited_at is not None


def test_its_author_or_an_admin_deletes_a_reply(question):
    first = services.add_reply(question, user("ada"), "first")
    second = services.add_reply(question, user("brian"), "second")
    with pytest.raises(Forbidden):
        services.delete_reply(first, user("brian"))
    services.delete_reply(first, user("ada"))
    services.delete_reply(second, user("mentor"))
    assert queries.thread(question.id) == []


def test_only_the_asker_accepts_and_the_answers_author_hears_of_it(question):
    reply = services.add_reply(question, user("ada"), "Use a cursor.")
    db.session.commit()
    for other in ("ada", "brian", "mentor"):
        with pytest.raises(Forbidden):
            services.accept(reply, user(other))
    services.accept(reply, user("hana"))
    db.session.commit()
    assert reply.accepted
    assert "answer.accepted" in inbox("ada")
    assert queries.accepted_answers(user("ada")) == 1


def test_the_asker_changes_the_accepted_answer_and_there_is_only_ever_one(question):
    first = services.add_reply(question, user("ada"), "Use a cursor.")
    second = services.add_reply(question, user("brian"), "Use LimitOffsetPagination.")
    services.accept(first, user("hana"))
    services.accept(second, user("hana"))
    db.session.commit()
    accepted = db.session.scalars(select(Reply.id).where(Reply.accepted.is_(True))).all()
    assert accepted == [second.id]
    assert queries.accepted_answers(user("ada")) == 0


def test_an_update_that_is_no_question_has_no_answer_to_accept(app, cast):
    with app.app_context():
        update = post_update(user("hana"), "Shipped the cart page")
        reply = services.add_reply(update, user("ada"), "Nice")
        with pytest.raises(Conflict):
            services.accept(reply, user("hana"))


def test_open_questions_leave_out_answered_ones(question):
    other = post_update(user("gabriel"), "Where do mocks live?", question=True)
    reply = services.add_reply(other, user("ada"), "/mock/<project>/")
    services.accept(reply, user("gabriel"))
    db.session.commit()
    week_ago = utcnow() - timedelta(days=7)
    found, _ = update_queries.lists(questions=10, asked_since=week_ago)
    assert [q.id for q in found["questions"]] == [question.id]
