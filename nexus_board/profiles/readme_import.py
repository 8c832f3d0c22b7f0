"""README import: keep the upload until its owner confirms the preview, then apply it.

A README part that is present replaces that part of the profile; a part it lacks leaves the
profile's as it is. The pending import lives in the database, so any worker can confirm it.
"""

import secrets
from dataclasses import dataclass, field, replace
from datetime import timedelta

from sqlalchemy import delete, or_

from ..activity.events import record
from ..activity.verbs import Verb
from ..errors import Invalid
from ..extensions import db
from ..models import Challenge, ExtraSection, Learning, LearningKind, PendingImport, Takeaway, User
from ..models.types import utcnow
from . import services
from .queries import ordered, snapshot
from .readme import ParsedReadme, default_title, parse_readme
from .rules import LIMITS, MAX_ITEMS, check_length, one_line, topic_key
from .values import DETAILS, LISTS, ChallengeData, ProfileData

KEEP_FOR = timedelta(days=1)
LABELS = {
    "headline": "Headline",
    "overview": "Overview",
    "project_focus": "Project focus",
    "discord_handle": "Discord",
    "github_url": "GitHub",
    "technologies": "Technologies",
    "concepts": "Concepts",
    "challenges": "Challenges & solutions",
    "takeaways": "Best practices & takeaways",
    "sections": "More sections",
}


@dataclass
class Change:
    status: str  # new, changed, unchanged, removed
    label: str
    before: str = ""
    after: str = ""


@dataclass
class Part:
    name: str
    label: str
    replaced: bool  # False: the README has none, the profile keeps its own
    changes: list[Change] = field(default_factory=list)


@dataclass
class Plan:
    parsed: ParsedReadme
    final: ProfileData
    parts: list[Part]
    problems: dict[str, str] = field(default_factory=dict)  # by part: what stops the import

    @property
    def changes_anything(self) -> bool:
        return any(c.status != "unchanged" for p in self.parts for c in p.changes)


def start_import(user: User, source: str, filename: str = "") -> PendingImport:
    """Check the README reads, and keep it for the preview (one pending import per learner)."""
    parse(user, source)
    db.session.execute(
        delete(PendingImport).where(
            or_(PendingImport.user_id == user.id, PendingImport.created_at < utcnow() - KEEP_FOR)
        )
    )
    pending = PendingImport(
        id=secrets.token_urlsafe(16), user_id=user.id, source=source, filename=filename[:255]
    )
    db.session.add(pending)
    return pending


def parse(user: User, source: str) -> ParsedReadme:
    return parse_readme(source, default_title=default_title(user.display_name))


def plan_import(user: User, pending: PendingImport) -> Plan:
    """What the profile becomes, and what changes, if the owner confirms."""
    parsed = parse(user, pending.source)
    current = snapshot(user)
    final = merge(current, parsed.profile)
    return Plan(parsed, final, compare(current, parsed.profile, final), problems(final))


def problems(final: ProfileData) -> dict[str, str]:
    """What would stop `final` from being saved, naming the part, so the preview can say it."""
    found = {}
    for name in ("headline", "overview", "project_focus"):
        check_length(found, name, getattr(final, name), name, LABELS[name])
    for challenge in final.challenges:  # README tags naming no learning join the solution
        if len(challenge.solution) > LIMITS["solution"]:
            found["challenges"] = (
                f"{LABELS['challenges']}: the solution to “{challenge.title}”, with its related "
                f"learnings, is {len(challenge.solution):,} characters; the limit is "
                f"{LIMITS['solution']:,}."
            )
    for section in final.sections:
        if len(section.body) > LIMITS["body"]:
            found["sections"] = (
                f"{LABELS['sections']}: “{section.title}” is {len(section.body):,} characters; "
                f"the limit is {LIMITS['body']:,}. Split it under more headings in your README."
            )
    for name in LISTS:
        count = len(getattr(final, name))
        if count > MAX_ITEMS:
            found[name] = (
                f"{LABELS[name]}: your README has {count:,}; a profile keeps at most "
                f"{MAX_ITEMS}. Merge or remove some in your README, then import it again."
            )
    return found


def confirm_import(user: User, pending: PendingImport) -> Plan:
    """Apply the import, or refuse it whole (nothing written) if a part does not fit."""
    plan = plan_import(user, pending)
    if plan.problems:
        raise Invalid("This README cannot be imported as it is.", errors=plan.problems)
    replace_profile(user, plan.final)
    db.session.delete(pending)
    record(Verb.PROFILE_IMPORTED, actor=user, subject=user)
    return plan


def cancel_import(pending: PendingImport) -> None:
    db.session.delete(pending)


def merge(current: ProfileData, parsed: ProfileData) -> ProfileData:
    """Parts the README has replace the profile's; the rest stay."""
    final = ProfileData()
    for name in (*DETAILS, *LISTS):
        setattr(final, name, getattr(parsed, name) or getattr(current, name))
    for mine, other in (("technologies", "concepts"), ("concepts", "technologies")):
        if parsed.__dict__[mine] and not parsed.__dict__[other]:  # a topic lives in one list
            taken = {topic_key(item.name) for item in final.__dict__[mine]}
            setattr(
                final, other, [i for i in final.__dict__[other] if topic_key(i.name) not in taken]
            )
    learned = {topic_key(item.name): item.name for item in [*final.technologies, *final.concepts]}
    final.challenges = [_resolve_tags(c, learned, c in parsed.challenges) for c in final.challenges]
    return final


def _resolve_tags(challenge: ChallengeData, learned: dict, from_readme: bool) -> ChallengeData:
    """Tags name learnings; a README tag naming none is kept in the solution text."""
    known = tuple(learned[topic_key(t)] for t in challenge.tags if topic_key(t) in learned)
    unknown = [t for t in challenge.tags if topic_key(t) not in learned]
    solution = challenge.solution
    if unknown and from_readme:
        solution = "\n\n".join(filter(None, [solution, f"**Related:** {', '.join(unknown)}"]))
    return replace(challenge, tags=known, solution=solution)


def compare(current: ProfileData, parsed: ProfileData, final: ProfileData) -> list[Part]:
    parts = []
    for name in DETAILS:
        before, after = getattr(current, name), getattr(final, name)
        part = Part(name, LABELS[name], bool(getattr(parsed, name)))
        if before or after:
            part.changes.append(Change(_status(before, after), LABELS[name], before, after))
        parts.append(part)
    keyed = {
        "technologies": lambda i: (topic_key(i.name), i.name, i.note),
        "concepts": lambda i: (topic_key(i.name), i.name, i.note),
        "challenges": lambda c: (one_line(c.title).casefold(), c.title, _challenge_text(c)),
        "takeaways": lambda t: (t, t, ""),
        "sections": lambda s: (s.title.casefold(), s.title, s.body),
    }
    for name, key in keyed.items():
        before = {k: (label, text) for k, label, text in map(key, getattr(current, name))}
        after = [key(item) for item in getattr(final, name)]
        part = Part(name, LABELS[name], bool(getattr(parsed, name)))
        for k, label, text in after:
            old = before.pop(k, None)
            status = "new" if old is None else _status(old[1], text)
            part.changes.append(Change(status, label, old[1] if old else "", text))
        part.changes += [Change("removed", label, text) for label, text in before.values()]
        parts.append(part)
    return parts


def _challenge_text(challenge: ChallengeData) -> str:
    tags = f"\n\nRelated: {', '.join(challenge.tags)}" if challenge.tags else ""
    return challenge.solution + tags


def _status(before: str, after: str) -> str:
    if before == after:
        return "unchanged"
    return "new" if not before else "changed"


def replace_profile(user: User, data: ProfileData) -> None:
    """Make `user`'s profile hold exactly `data`, through the same checks as editing.

    Learnings that stay keep their rows, so challenges tagged with them keep their tags.
    """
    services.update_details(user, **{name: getattr(data, name) for name in DETAILS})
    wanted = [(LearningKind.TECHNOLOGY, item) for item in data.technologies]
    wanted += [(LearningKind.CONCEPT, item) for item in data.concepts]
    keys = {topic_key(item.name) for _kind, item in wanted}
    mine = {"user_id": user.id}
    existing = {
        learning.topic.key: learning for learning in db.session.scalars(ordered(Learning), mine)
    }
    for key, learning in existing.items():
        if key not in keys:
            db.session.delete(learning)
    for model in (Challenge, Takeaway, ExtraSection):
        for item in db.session.scalars(ordered(model), mine):
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
    services.lists_changed(user.id)  # its deletes too, when nothing was added
