"""Rules for updates: posting, deleting, pinning. No request knowledge; raises domain errors."""

from sqlalchemy import delete, select

from .. import audit
from ..activity.audience import Audience
from ..activity.events import excerpt, record, withdraw
from ..activity.verbs import Verb
from ..caching import changed
from ..errors import Forbidden, Invalid
from ..extensions import db
from ..models import Update, UpdateTag, User
from ..models.types import utcnow
from ..models.update import MAX_BODY, update_mentions
from ..text import strip_controls
from . import contracts
from .text import scan


def post_update(
    author: User,
    body: str,
    *,
    announcement: bool = False,
    question: bool = False,
    contract_id: int | None = None,
) -> Update:
    """Publish an update, or a question (an admin may make it a pinned announcement)."""
    if announcement and not author.is_admin:
        raise Forbidden("Only admins can post announcements.")
    if announcement and question:
        raise Invalid("The update was not posted.",
                      errors={"question": "An announcement cannot be a question too."})  # fmt: skip
    body = clean_body(body)
    errors = {}
    if not body:
        errors["body"] = "Write something first."
    elif len(body) > MAX_BODY:
        errors["body"] = f"Keep it to {MAX_BODY:,} characters; this is {len(body):,}."
    if contract_id is not None and contracts.find(contract_id) is None:
        errors["contract"] = "Choose a contract from the list, or none."
    if errors:
        raise Invalid("The update was not posted.", errors=errors)
    found = scan(body)
    update = Update(
        author=author,
        body=body,
        announcement=announcement,
        question=question,
        pinned_at=utcnow() if announcement else None,
        contract_id=contract_id,
        tags=[UpdateTag(tag=tag) for tag in found.tags],
        mentions=_existing_users(found.usernames),
    )
    db.session.add(update)
    db.session.flush()
    changed("updates")
    verb = Verb.ANNOUNCEMENT_PINNED if announcement else Verb.UPDATE_POSTED
    verb = Verb.QUESTION_ASKED if question else verb
    heard = Audience(mentioned=frozenset(user.id for user in update.mentions))
    record(verb, actor=author, subject=update, audience=heard)
    return update


def delete_update(update: Update, by: User, *, reason: str = "") -> None:
    """Authors delete their own updates, admins any; raises Forbidden otherwise. An admin
    deleting another's update is moderation: its author hears of it, the audit log keeps it."""
    if not update.deletable_by(by):
        raise Forbidden("You can only delete your own updates.")
    if by.id != update.author_id:
        heard = Audience(author=update.author_id)
        record(Verb.MODERATION_REMOVED, actor=by, subject=update, before="update",
               after=reason or None, public=False, audience=heard)  # fmt: skip
        audit.log(by, "update", update.id, "delete", reason=reason, summary=excerpt(update.body))
    withdraw(update)  # its events, this one too, leave the log's lists and lose its text
    db.session.delete(update)
    db.session.flush()
    changed("updates")


def set_pinned(update: Update, pinned: bool, by: User) -> None:
    """Pin an announcement at the top of the feed and the hub, or unpin it (admins only)."""
    if not by.is_admin:
        raise Forbidden("Only admins can pin or unpin announcements.")
    if not update.announcement:
        raise Invalid("Only announcements can be pinned.")
    if pinned != update.pinned:
        update.pinned_at = utcnow() if pinned else None
        changed("updates")
        if pinned:
            record(Verb.ANNOUNCEMENT_PINNED, actor=by, subject=update)
    db.session.flush()


def erase_updates_of(user: User) -> None:
    """Delete `user`'s updates and the mentions of them (their account is being deleted)."""
    db.session.execute(delete(Update).where(Update.author_id == user.id))
    db.session.execute(delete(update_mentions).where(update_mentions.c.user_id == user.id))
    changed("updates")


def clean_body(body: str | None) -> str:
    """Trim the text, drop control characters and count a line break as one character."""
    return strip_controls((body or "").replace("\r\n", "\n").replace("\r", "\n")).strip()


def _existing_users(usernames: list[str]) -> list[User]:
    if not usernames:
        return []
    return list(db.session.scalars(select(User).where(User.username.in_(usernames))))
