"""A stored profile as plain values, and the other way round (used by import and export)."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import Challenge, ExtraSection, Learning, LearningKind, Profile, Takeaway, User
from . import services
from .data import DETAILS, ChallengeData, LearningData, ProfileData, SectionData
from .rules import topic_key


def ordered(model, user_id: int):
    return select(model).where(model.user_id == user_id).order_by(model.position, model.id)


def snapshot(user: User) -> ProfileData:
    """Everything on `user`'s profile, in order, in a handful of queries."""
    data = ProfileData()
    profile = db.session.get(Profile, user.id)
    for name in DETAILS:
        setattr(data, name, getattr(profile, name) if profile else "")
    for learning in db.session.scalars(ordered(Learning, user.id)):
        items = data.technologies if learning.kind is LearningKind.TECHNOLOGY else data.concepts
        items.append(LearningData(learning.name, learning.note))
    challenges = ordered(Challenge, user.id).options(selectinload(Challenge.tags))
    data.challenges = [
        ChallengeData(c.title, c.solution, tuple(t.name for t in c.tags))
        for c in db.session.scalars(challenges)
    ]
    data.takeaways = [t.text for t in db.session.scalars(ordered(Takeaway, user.id))]
    data.sections = [
        SectionData(s.title, s.body) for s in db.session.scalars(ordered(ExtraSection, user.id))
    ]
    return data


def replace_profile(user: User, data: ProfileData) -> None:
    """Make `user`'s profile hold exactly `data`, through the same checks as editing.

    Learnings that stay keep their rows, so challenges tagged with them keep their tags.
    """
    services.update_details(user, **{name: getattr(data, name) for name in DETAILS})
    wanted = [(LearningKind.TECHNOLOGY, item) for item in data.technologies]
    wanted += [(LearningKind.CONCEPT, item) for item in data.concepts]
    keys = {topic_key(item.name) for _kind, item in wanted}
    existing = {
        learning.topic.key: learning for learning in db.session.scalars(ordered(Learning, user.id))
    }
    for key, learning in existing.items():
        if key not in keys:
            db.session.delete(learning)
    for model in (Challenge, Takeaway, ExtraSection):
        for item in db.session.scalars(ordered(model, user.id)):
            db.session.delete(item)
    db.session.flush()
    by_key = {}
    positions = {LearningKind.TECHNOLOGY: 0, LearningKind.CONCEPT: 0}
    for kind, item in wanted:
        learning = existing.get(topic_key(item.name))
        if learning is None:
            learning = services.add_learning(user, kind=kind, name=item.name, note=item.note)
        else:
            learning.kind = kind
            services.update_learning(learning, name=item.name, note=item.note)
        learning.position, positions[kind] = positions[kind], positions[kind] + 1
        by_key[topic_key(item.name)] = learning
    db.session.flush()
    for challenge in data.challenges:
        ids = [by_key[topic_key(name)].id for name in challenge.tags if topic_key(name) in by_key]
        services.add_challenge(
            user, title=challenge.title, solution=challenge.solution, tag_ids=ids
        )
        db.session.flush()
    for text in data.takeaways:
        services.add_takeaway(user, text=text)
        db.session.flush()
    for section in data.sections:
        services.add_section(user, title=section.title, body=section.body)
        db.session.flush()
