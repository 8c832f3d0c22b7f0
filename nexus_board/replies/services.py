"""Writing replies: add, edit, delete, and accept one as a question's answer.

Plain functions: no request, no commit; a broken rule raises a domain error.
"""

from sqlalchemy import case, func, select, update

from .. import audit
from ..activity.audience import Audience
from ..activity.events import excerpt, mentioned_in, record
from ..activity.verbs import Verb
from ..caching import changed
from ..errors import Conflict, Forbidden, Invalid
from ..extensions import db
from ..limits import MARKDOWN, THREAD_REPLIES
from ..models import Activity, Reply, Update, User
from ..models.types import utcnow
from ..text import clean_text, length_problem

MAX_REPLY = MARKDOWN["reply"]
EMPTY = "Write a reply first."


def add_reply(update: Update, author: User, body: str) -> Reply:
    """Reply to an update (any signed-in learner); its author hears of it."""
    body = _body(body, "The reply was not posted.")
    count = db.session.scalar(select(func.count()).where(Reply.update_id == update.id))
    if count >= THREAD_REPLIES:
        raise Conflict(f"This thread has {THREAD_REPLIES} replies, the most one update takes.")
    reply = Reply(update_id=update.id, author=author, body=body)
    db.session.add(reply)
    db.session.flush()
    changed("updates")
    heard = Audience(author=update.author_id, mentioned=mentioned_in(body))
    record(Verb.UPDATE_REPLIED, actor=author, subject=update, audience=heard,
           detail={"reply_id": reply.id, "excerpt": excerpt(body)})  # fmt: skip
    return reply


def edit_reply(reply: Reply, by: User, body: str) -> Reply:
    """Only its author edits a reply."""
    if reply.author_id != by.id:
        raise Forbidden("Only the author of a reply can edit it.")
    reply.body = _body(body, "The reply was not saved.")
    reply.edited_at = utcnow()
    db.session.flush()
    changed("updates")
    return reply


def delete_reply(reply: Reply, by: User) -> None:
    """Its author deletes a reply (an admin may too: that is moderation, audited); an accepted
    answer goes with it."""
    if reply.author_id != by.id and not by.is_admin:
        raise Forbidden("Only the author of a reply can delete it.")
    if reply.author_id != by.id:
        audit.log(by, "reply", reply.id, "delete", summary=excerpt(reply.body))
    withdraw_reply(reply)
    db.session.delete(reply)
    db.session.flush()
    changed("updates", "profiles")  # profiles count accepted answers


def withdraw_reply(reply: Reply) -> None:
    """A reply hidden or deleted takes its words out of the log's events; the events stay."""
    rows = db.session.scalars(
        select(Activity).where(
            Activity.subject_type == "update",
            Activity.subject_id == reply.update_id,
            Activity.verb.in_([str(Verb.UPDATE_REPLIED), str(Verb.ANSWER_ACCEPTED)]),
        )
    )
    for row in rows:  # one thread's events: JSON is read here, not in portable SQL
        if (row.detail or {}).get("reply_id") == reply.id:
            row.detail = {"reply_id": reply.id}
    changed("activity")


def accept(reply: Reply, by: User) -> Reply:
    """The asker marks `reply` as the answer to their question, in place of any other."""
    question = db.session.get(Update, reply.update_id)
    if question.author_id != by.id:
        raise Forbidden("Only the learner who asked can accept an answer.")
    if not question.question:
        raise Conflict("Only a question has an answer to accept.")
    if reply.accepted:
        return reply
    # One UPDATE moves the mark, so the thread never has two answers, whatever the race.
    db.session.execute(
        update(Reply)
        .where(Reply.update_id == question.id)
        .values(accepted=case((Reply.id == reply.id, True), else_=False))
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(reply)
    changed("updates", "profiles")  # profiles count accepted answers
    record(Verb.ANSWER_ACCEPTED, actor=by, subject=question,
           audience=Audience(author=reply.author_id),
           detail={"reply_id": reply.id, "excerpt": excerpt(reply.body)})  # fmt: skip
    return reply


def _body(body: str, message: str) -> str:
    body = clean_text(body)
    problem = length_problem(body, MAX_REPLY, empty=EMPTY)
    if problem:
        raise Invalid(message, errors={"body": problem})
    return body
