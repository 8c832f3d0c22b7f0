"""Deleting an account: what it will do (shown first), then doing it.

The profile, the updates, the inbox and a personal webhook go. Posted contracts, comments and
edits stay, attributed to "a former learner": the user row stays as a nameless tombstone they
point at, so no other table has to know about deleted accounts, and the old username cannot be
taken to pose as them. Released claims are unclaimed events, so their authors are told.
"""

from dataclasses import dataclass

from sqlalchemy import delete, func, select

from ..board import archive, lifecycle
from ..caching import changed
from ..errors import Invalid
from ..extensions import db
from ..models import (
    AccountState,
    ApiToken,
    Comment,
    Contract,
    Delivery,
    Device,
    InboxSetting,
    Notification,
    OpenApiImport,
    Update,
    User,
    Webhook,
)
from ..models.types import utcnow
from ..profiles.services import erase_profile
from ..updates.services import erase_updates_of

FORMER = "a former learner"


@dataclass(frozen=True)
class Consequences:
    updates: int
    contracts: int  # posted: they stay
    comments: int  # they stay
    claims: list[Contract]  # released: open again, their authors told


def consequences(user: User) -> Consequences:
    """What deleting `user`'s account would change."""

    def count(model, column) -> int:
        return db.session.scalar(select(func.count()).select_from(model).where(column == user.id))

    held = select(Contract).where(Contract.claimer_id == user.id).order_by(Contract.id)
    return Consequences(
        updates=count(Update, Update.author_id),
        contracts=count(Contract, Contract.author_id),
        comments=count(Comment, Comment.author_id),
        claims=list(db.session.scalars(held)),
    )


def delete_account(user: User, *, confirm: str) -> list[Contract]:
    """Delete `user`'s account once they typed their username; returns the released claims."""
    if (confirm or "").strip().lower() != user.username:
        raise Invalid(
            "Your account was not deleted.",
            errors={"confirm": f"Type your username, {user.username}, to confirm."},
        )
    held = db.session.scalars(select(Contract.id).where(Contract.claimer_id == user.id)).all()
    released = [lifecycle.release_departing_claim(contract_id, user) for contract_id in held]
    erase_updates_of(user)
    erase_profile(user)
    archive.forget_person(user, {"username": None, "display_name": FORMER})
    own_hook = select(Webhook.id).where(Webhook.person_id == user.id)
    db.session.execute(delete(Delivery).where(Delivery.webhook_id.in_(own_hook)))
    owned = (
        (ApiToken, ApiToken.owner_id),
        (Device, Device.user_id),
        (Notification, Notification.user_id),  # their inbox; the events stay in the log
        (InboxSetting, InboxSetting.user_id),
        (Webhook, Webhook.person_id),
    )
    for model, owner in owned:
        db.session.execute(delete(model).where(owner == user.id))
    db.session.execute(delete(OpenApiImport).where(OpenApiImport.owner_id == user.id))
    _tombstone(user)
    changed("profiles", "updates", "board")
    return released


def _tombstone(user: User) -> None:
    user.username = f"former.{user.id}"  # no username has a dot
    user.display_name = FORMER
    user.email = None
    user.password_hash = "!"  # matches no password  # noqa: S105
    user.name_key = None  # the display name is free again; the username's key stays, so
    # nobody can register it (or a lookalike) and inherit old links and @mentions
    user.state = AccountState.DELETED
    user.state_reason = None
    user.state_changed_at = utcnow()
    user.session_version += 1
