"""The one place that finds a learner, a profile item or a pending import, and says 403/404."""

from dataclasses import dataclass

from flask_login import current_user
from sqlalchemy import bindparam, select

from ..errors import Forbidden, NotFound
from ..extensions import db
from ..models import PendingImport, Profile, User
from ..replies import queries as replies
from ..reviews import queries as reviews
from .item_lists import ItemList

NOT_YOURS = "You can only change your own profile."


@dataclass(frozen=True)
class Collaboration:
    accepted_answers: int
    reviews: reviews.ReviewCounts


def get_learner_or_404(username: str) -> User:
    return _learner_or_404(_LEARNER, username)[0]


def get_profile_or_404(username: str) -> tuple[User, Profile | None, Collaboration]:
    """The learner, their profile row (None before they fill one in) and what they did with
    others, in one statement."""
    learner, details, *counts = _learner_or_404(_PROFILE, username)
    return learner, details, Collaboration(counts[0], reviews.ReviewCounts(*counts[1:]))


def collaboration_of(learner: User) -> Collaboration:
    """What `get_profile_or_404` reads with the learner, for a page that has them already."""
    counts = db.session.execute(_COLLABORATION, {"user_id": learner.id}).one()
    return Collaboration(counts[0], reviews.ReviewCounts(*counts[1:]))


def _counts() -> list:
    """Accepted answers, reviews given and received, of the learner the row is."""
    queries = (replies.accepted_answers_query(User.id), *reviews.of_learner_queries(User.id))
    return [query.scalar_subquery() for query in queries]


# Built once, the name bound per call: every profile page and fragment starts here.
_NAMED = (User.username == bindparam("username"), User.listed())
_LEARNER = select(User).where(*_NAMED)
_PROFILE = (
    select(User, Profile, *_counts()).outerjoin(Profile, Profile.user_id == User.id).where(*_NAMED)
)
_COLLABORATION = select(*_counts()).where(User.id == bindparam("user_id"))


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
