"""The hub's learners section: listed learners by name, each with their first few learnings,
read together in one statement as the columns the section shows."""

from dataclasses import dataclass

from sqlalchemy import select

from ..extensions import db
from ..models import Role, Track, User
from ..profiles.queries import first_learnings


@dataclass(frozen=True, slots=True)
class ListedLearner:
    id: int
    username: str
    display_name: str
    track: Track | None
    learnings: tuple[str, ...]  # their first few, technologies first, in their own order


def listed_learners(limit: int, per_learner: int = 3) -> list[ListedLearner]:
    """The first `limit` learners with public profiles by name (admins and mentors are not
    listed), each with up to `per_learner` learnings."""
    people = (
        select(User.id, User.username, User.display_name, User.track)
        .where(User.role == Role.LEARNER, User.listed())
        .order_by(User.display_name, User.id)
        .limit(limit)
        .subquery()
    )
    rows = db.session.execute(
        first_learnings(people, (people.c.display_name, people.c.id), per_learner)
    )
    found: dict[int, tuple] = {}
    for user_id, username, display_name, track, learning in rows:
        person, names = found.setdefault(user_id, ((user_id, username, display_name, track), []))
        if learning is not None:
            names.append(learning)
    return [ListedLearner(*person, tuple(names)) for person, names in found.values()]
