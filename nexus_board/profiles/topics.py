"""Topics (technologies and concepts) shared by every learner, and the suggested catalog."""

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import LearningKind, Topic
from .rules import clean_name, topic_key

T, C = LearningKind.TECHNOLOGY, LearningKind.CONCEPT

# Suggested when adding a learning, and the spelling a new topic gets when it matches one.
CATALOG: dict[str, LearningKind] = {
    "Python": T,
    "Django": T,
    "REST APIs": T,
    "GraphQL": T,
    "Docker": T,
    "CI/CD": T,
    "Database Design": C,
    "Asynchronous Programming": C,
    "Caching Strategies": C,
    # What the frontend track learns.
    "Next.js": T,
    "TypeScript": T,
    "Tailwind CSS": T,
    "React": T,
    "React Query": T,
    "PostgreSQL": T,
    "Redis": T,
    "Celery": T,
    "Authentication": C,
    "Accessibility": C,
    "State Management": C,
    "Testing": C,
}
_CATALOG_BY_KEY = {topic_key(name): (name, kind) for name, kind in CATALOG.items()}


def catalog_kind(name: str) -> LearningKind | None:
    """The kind the catalog gives `name`, if it lists it."""
    entry = _CATALOG_BY_KEY.get(topic_key(name))
    return entry[1] if entry else None


def suggestions(kind: LearningKind) -> list[str]:
    return [name for name, k in CATALOG.items() if k is kind]


def topic_for(name: str) -> Topic:
    """The topic called `name` in any case, created on first use (safe when two add it at once)."""
    key = topic_key(name)
    topic = db.session.scalar(select(Topic).where(Topic.key == key))
    if topic is not None:
        return topic
    canonical = _CATALOG_BY_KEY.get(key, (clean_name(name), None))[0]
    try:
        with db.session.begin_nested():
            topic = Topic(key=key, name=canonical)
            db.session.add(topic)
    except IntegrityError:  # another learner created it between the select and the insert
        topic = db.session.scalar(select(Topic).where(Topic.key == key))
    return topic
