"""Invite links: creating one, telling whether one still works, and using it up.

Plain functions: no request, no commit; a broken rule raises a domain error.
"""

import enum
from datetime import timedelta

from sqlalchemy import func, select, update

from ..errors import Forbidden, Invalid
from ..extensions import db
from ..limits import INVITE_MAX_DAYS, INVITE_MAX_USES
from ..models import Invite, User
from ..models.invite import LABEL_CHARS
from ..models.types import utcnow
from ..numbers import whole_number
from ..text import clean_text, length_problem, one_line_problem


class Standing(enum.StrEnum):
    VALID = "valid"
    EXPIRED = "expired"
    USED_UP = "used_up"
    UNKNOWN = "unknown"

    @property
    def explanation(self) -> str:
        return {
            "valid": "This invite link works.",
            "expired": "This invite link has expired.",
            "used_up": "This invite link has been used as many times as it allows.",
            "unknown": "This invite link does not exist. Check that you copied all of it.",
        }[self.value]


NEXT_STEP = (
    "Ask your mentor for a new link, or sign up without one (a classroom that signs up "
    "together may hit the limit on sign-ups from one address)."
)


def create_invite(by: User, *, label: str, days: str, max_uses: str) -> Invite:
    """An admin makes a link that lasts `days` and lets `max_uses` people sign up."""
    if not by.is_admin:
        raise Forbidden("Only admins create invite links.")
    label = clean_text(label)
    errors = {}
    problem = length_problem(label, LABEL_CHARS, empty="Name the link, e.g. “Cohort 7, room B”.")
    if problem or (problem := one_line_problem(label)):
        errors["label"] = problem
    lasting = whole_number((days or "").strip(), low=1, high=INVITE_MAX_DAYS)
    if lasting is None:
        errors["days"] = f"Say how many days it works: 1 to {INVITE_MAX_DAYS}."
    uses = whole_number((max_uses or "").strip(), low=1, high=INVITE_MAX_USES)
    if uses is None:
        errors["max_uses"] = f"Say how many people may use it: 1 to {INVITE_MAX_USES:,}."
    if errors:
        raise Invalid("The invite link was not created.", errors=errors)
    invite = Invite(label=label, expires_at=utcnow() + timedelta(days=lasting), max_uses=uses,
                    created_by_id=by.id)  # fmt: skip
    db.session.add(invite)
    db.session.flush()
    return invite


def find(token: str | None) -> Invite | None:
    if not token or len(token) > 64:
        return None
    return db.session.scalar(select(Invite).where(Invite.token == token))


def standing(invite: Invite | None) -> Standing:
    if invite is None:
        return Standing.UNKNOWN
    if invite.expired():
        return Standing.EXPIRED
    if invite.uses >= invite.max_uses:
        return Standing.USED_UP
    return Standing.VALID


def use(invite: Invite) -> None:
    """Count one sign-up through `invite`: one conditional UPDATE, so the last use is taken once.

    Raises Invalid (nothing is saved) when the link expired or was used up meanwhile.
    """
    used = db.session.execute(
        update(Invite)
        .where(Invite.id == invite.id, Invite.uses < Invite.max_uses, Invite.expires_at > utcnow())
        .values(uses=Invite.uses + 1)
        .execution_options(synchronize_session=False)
    )
    if used.rowcount != 1:
        db.session.rollback()
        db.session.refresh(invite)
        raise Invalid(f"{standing(invite).explanation} {NEXT_STEP}")


def all_invites() -> list[Invite]:
    return list(db.session.scalars(select(Invite).order_by(Invite.created_at.desc()).limit(200)))


def count() -> int:
    return db.session.scalar(select(func.count()).select_from(Invite))
