"""The hub's learners section: listed learners by name, each with their first few learnings,
read together in one statement as the columns the section shows."""

from dataclasses import dataclass

from sqlalchemy import case, func, select

from ..extensions import db
from ..models import Learning, LearningKind, Role, Topic, Track, User


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
    technologies_first = case((Learning.kind == LearningKind.TECHNOLOGY, 0), else_=1)
    order = (technologies_first, Learning.position, Learning.id)
    rank = func.row_number().over(partition_by=Learning.user_id, order_by=order)
    ranked = (
        select(Learning.user_id, Topic.name, rank.label("rank"))
        .join(Topic, Learning.topic_id == Topic.id)
        .where(Learning.user_id.in_(select(people.c.id)))
        .subquery()
    )
    rows = db.session.execute(
        select(people, ranked.c.name)
        .outerjoin(ranked, (ranked.c.user_id == people.c.id) & (ranked.c.rank <= per_learner))
        .order_by(people.c.display_name, people.c.id, ranked.c.rank)
    )
    found: dict[int, tuple] = {}
    for user_id, username, display_name, track, learning in rows:
        person, names = found.setdefault(user_id, ((user_id, username, display_name, track), []))
        if learning is not None:
            names.append(learning)
    return [ListedLearner(*person, tuple(names)) for person, names in found.values()]
