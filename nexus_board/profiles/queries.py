"""Reading profiles: one whole profile as plain values, the learners directory, the hub's counts."""

from dataclasses import dataclass
from functools import cache

from sqlalchemy import Select, bindparam, case, distinct, func, or_, select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import (
    Challenge,
    ExtraSection,
    Learning,
    LearningKind,
    Profile,
    Role,
    Takeaway,
    Topic,
    Track,
    User,
)  # fmt: skip
from .rules import one_line, topic_key
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


@dataclass(frozen=True)
class LearnerCard:
    """What a learner's card shows."""

    user: User
    headline: str
    learnings: tuple[str, ...]


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
        found.setdefault(user_id, []).append(name)
    return {user_id: tuple(names) for user_id, names in found.items()}


def _top_learnings() -> Select:
    technologies_first = case((Learning.kind == LearningKind.TECHNOLOGY, 0), else_=1)
    order = (technologies_first, Learning.position, Learning.id)
    rank = func.row_number().over(partition_by=Learning.user_id, order_by=order).label("rank")
    ranked = (
        select(Learning.user_id, Topic.name, rank)
        .join(Topic, Learning.topic_id == Topic.id)
        .where(Learning.user_id.in_(bindparam("ids", expanding=True)))
        .subquery()
    )
    return (
        select(ranked.c.user_id, ranked.c.name)
        .where(ranked.c.rank <= bindparam("per_learner"))
        .order_by(ranked.c.user_id, ranked.c.rank)
    )


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


def learner_cards(rows, per_learner: int = 3) -> list[LearnerCard]:
    """Cards for `rows` of (user, headline), in one more query whatever their number."""
    learnings = top_learnings((user.id for user, _ in rows), per_learner)
    return [LearnerCard(u, headline or "", learnings.get(u.id, ())) for u, headline in rows]


def directory_query(text: str = "", track: Track | None = None) -> Select:
    """Learners whose name, username, technology or concept contains `text`, by name, each with
    their headline."""
    query = (
        select(User, Profile.headline)
        .outerjoin(Profile, Profile.user_id == User.id)
        .where(User.role == Role.LEARNER, User.listed())
    )
    if track is not None:
        query = query.where(User.track == track)
    text = one_line(text)
    if text:
        wanted = text.lower()
        # The few matching topics once, not a correlated match per learner and learning.
        topics = select(Topic.id).where(Topic.key.contains(topic_key(text), autoescape=True))
        topic = User.id.in_(select(Learning.user_id).where(Learning.topic_id.in_(topics)))
        query = query.where(
            or_(
                User.sort_name.contains(wanted, autoescape=True),
                User.username.contains(wanted, autoescape=True),
                topic,
            )
        )
    return query.order_by(User.sort_name, User.id)
