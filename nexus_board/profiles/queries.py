"""Reading profiles: one whole profile as plain values, the learners directory, the hub's counts."""

from functools import cache

from sqlalchemy import Select, bindparam, case, distinct, func, literal_column, select
from sqlalchemy.orm import selectinload

from ..database import constant
from ..extensions import db
from ..models import (
    Challenge,
    ExtraSection,
    Learning,
    LearningKind,
    Profile,
    Takeaway,
    Topic,
    User,
)  # fmt: skip
from .values import DETAILS, ChallengeData, LearningData, ProfileData, SectionData


@cache
def ordered(model) -> Select:
    """`model`'s items of the learner bound as `user_id`, in their order (built once)."""
    return (
        select(model)
        .where(model.user_id == bindparam("user_id"))
        .order_by(model.position, model.id)
    )


def snapshot(user: User) -> ProfileData:
    """Everything on `user`'s profile, in order, in a handful of queries."""
    data = ProfileData()
    profile = db.session.get(Profile, user.id)
    for name in DETAILS:
        setattr(data, name, getattr(profile, name) if profile else "")
    mine = {"user_id": user.id}
    for learning in db.session.scalars(ordered(Learning), mine):
        items = data.technologies if learning.kind is LearningKind.TECHNOLOGY else data.concepts
        items.append(LearningData(learning.name, learning.note))
    challenges = ordered(Challenge).options(selectinload(Challenge.tags))
    data.challenges = [
        ChallengeData(c.title, c.solution, tuple(t.name for t in c.tags))
        for c in db.session.scalars(challenges, mine)
    ]
    data.takeaways = [t.text for t in db.session.scalars(ordered(Takeaway), mine)]
    data.sections = [
        SectionData(s.title, s.body) for s in db.session.scalars(ordered(ExtraSection), mine)
    ]
    return data


def top_technologies(limit: int = 10) -> list[tuple[str, int]]:
    """The technologies most learners list: [(name, number of learners)], most common first."""
    return top_topics(limit, kind=LearningKind.TECHNOLOGY)


def top_topics(limit: int = 10, *, kind: LearningKind | None = None) -> list[tuple[str, int]]:
    """Like `top_technologies`, for concepts (`kind=CONCEPT`) or both (`kind=None`)."""
    learners = func.count(distinct(Learning.user_id)).label("learners")
    query = select(Topic.name, learners).join(Learning, Learning.topic_id == Topic.id)
    if kind is not None:
        query = query.where(Learning.kind == kind)
    query = query.group_by(Topic.id, Topic.name).order_by(learners.desc(), Topic.name)
    return [(name, count) for name, count in db.session.execute(query.limit(limit))]


@cache
def ranked_topics():
    """SQL (built once): every topic of each kind with its learners and its rank among its
    kind's, most learners first (columns kind, name, learners, rank): the hub's charts read
    `top_topics` of every kind with the board's counts (hub/charts.py)."""
    # A learner lists a topic once (unique per user and topic): its rows count its learners,
    # counted in the (kind, topic) index's order before any name is joined.
    counted = (
        select(Learning.kind, Learning.topic_id, func.count().label("learners"))
        .group_by(Learning.kind, Learning.topic_id)
        .subquery()
    )
    order = (counted.c.learners.desc(), Topic.name)
    return (
        select(counted.c.kind, Topic.name, counted.c.learners)
        .add_columns(
            func.row_number().over(partition_by=counted.c.kind, order_by=order).label("rank")
        )
        .join(Topic, Topic.id == counted.c.topic_id)
        .subquery()
    )


def topics_by_kind(rows) -> dict[LearningKind, list[tuple[str, int]]]:
    """{kind: [(name, learners)]} from (kind, name, learners) rows in order; a row of no kind
    (an outer join that found none) adds nothing."""
    found = {kind: [] for kind in LearningKind}
    for kind, name, count in rows:
        if kind is not None:
            found[kind].append((name, count))
    return found


def top_learnings(user_ids, per_learner: int = 3) -> dict[int, tuple[str, ...]]:
    """Each learner's first few learnings (in their own order), in one query."""
    ids = list(user_ids)
    if not ids:
        return {}
    rows = db.session.execute(_TOP_LEARNINGS, {"ids": ids, "per_learner": per_learner})
    found: dict[int, list[str]] = {}
    for user_id, name in rows:
        if name is not None:
            found.setdefault(user_id, []).append(name)
    return {user_id: tuple(names) for user_id, names in found.items()}


def first_learnings(people, order: tuple, per_learner) -> Select:
    """The rows of `people` (a subquery with an `id` column), each followed by the name of
    one of its first `per_learner` learnings (technologies first, then in the learner's own
    order), or by None when it has none; in `order`, then that order."""
    technology = Learning.kind == constant(LearningKind.TECHNOLOGY, Learning.kind)
    technologies_first = case((technology, literal_column("0")), else_=literal_column("1"))
    learning_order = (technologies_first, Learning.position, Learning.id)
    rank = func.row_number().over(partition_by=Learning.user_id, order_by=learning_order)
    ranked = (
        select(Learning.user_id, Topic.name, rank.label("rank"))
        .join(Topic, Learning.topic_id == Topic.id)
        .where(Learning.user_id.in_(select(people.c.id)))
        .subquery()
    )
    return (
        select(people, ranked.c.name)
        .outerjoin(ranked, (ranked.c.user_id == people.c.id) & (ranked.c.rank <= per_learner))
        .order_by(*order, ranked.c.rank)
    )


def _top_learnings() -> Select:
    ids = select(User.id).where(User.id.in_(bindparam("ids", expanding=True))).subquery()
    return first_learnings(ids, (ids.c.id,), bindparam("per_learner"))


# Built once: building and keying it cost more than running it for a page of learners.
_TOP_LEARNINGS = _top_learnings()


def technologies_of(user_id: int, limit: int) -> list[str]:
    """The first `limit` technologies a learner lists, in their own order."""
    query = (
        select(Topic.name)
        .join(Learning, Learning.topic_id == Topic.id)
        .where(Learning.user_id == user_id, Learning.kind == LearningKind.TECHNOLOGY)
        .order_by(Learning.position, Learning.id)
    )
    return list(db.session.scalars(query.limit(limit)))
