"""The one place that finds a learner, a profile item or a pending import, and says 403/404."""

from flask_login import current_user
from sqlalchemy import bindparam, select

from ..errors import Forbidden, NotFound
from ..extensions import db
from ..models import PendingImport, Profile, User
from .item_lists import ItemList

NOT_YOURS = "You can only change your own profile."


def get_learner_or_404(username: str) -> User:
    return _learner_or_404(_LEARNER, username)[0]


def get_profile_or_404(username: str) -> tuple[User, Profile | None]:
    """The learner and their profile row (None before they fill one in), in one statement."""
    return _learner_or_404(_PROFILE, username)


# Built once, the name bound per call: every profile page and fragment starts here.
_NAMED = (User.username == bindparam("username"), User.listed())
_LEARNER = select(User).where(*_NAMED)
_PROFILE = select(User, Profile).outerjoin(Profile, Profile.user_id == User.id).where(*_NAMED)


def _learner_or_404(query, username: str):
    row = db.session.execute(query, {"username": username.lower()}).first()
    if row is None:
        raise NotFound(f"There is no learner called {username}.")
    return tuple(row)


def get_owner_or_403(username: str) -> User:
    """The learner whose profile this is, who must be the signed-in user."""
    learner = get_learner_or_404(username)
    if not current_user.is_authenticated or current_user.id != learner.id:
        raise Forbidden(NOT_YOURS)
    return learner


def get_item_or_404(lst: ItemList, owner: User, item_id: int):
    """An item of `owner`'s list `lst`; anyone else's item is simply not found here."""
    item = db.session.get(lst.model, item_id)
    if item is None or item.user_id != owner.id or not lst.owns(item):
        raise NotFound(f"That {lst.noun} is not on this profile (it may have been deleted).")
    return item


def get_pending_or_404(owner: User, import_id: str) -> PendingImport:
    pending = db.session.get(PendingImport, import_id)
    if pending is None or pending.user_id != owner.id:
        raise NotFound(
            "That import preview is gone: it was confirmed, cancelled or replaced by a newer one. "
            "Import your README again."
        )
    return pending
