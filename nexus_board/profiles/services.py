"""Editing a profile: every write goes through these functions. They know nothing of requests;
they check the rules, change the session and raise `Invalid` naming the bad fields."""

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError

from ..caching import changed
from ..errors import Conflict, Invalid
from ..extensions import db
from ..models import (
    Challenge,
    ExtraSection,
    Learning,
    LearningKind,
    PendingImport,
    Profile,
    Takeaway,
    User,
)
from . import rules
from .topics import topic_for

ORDERED = (Learning, Challenge, Takeaway, ExtraSection)
PLURALS = {LearningKind.TECHNOLOGY: "technologies", LearningKind.CONCEPT: "concepts"}


def profile_for(user: User) -> Profile:
    """The user's profile row, made on first write."""
    profile = db.session.get(Profile, user.id)
    if profile is None:
        profile = Profile(user_id=user.id)
        db.session.add(profile)
    return profile


def update_details(user: User, **values) -> Profile:
    """Headline, overview, project focus, Discord handle and GitHub address."""
    clean = {
        "headline": rules.one_line(values.get("headline")),
        "overview": rules.clean_markdown(values.get("overview")),
        "project_focus": rules.clean_markdown(values.get("project_focus")),
        "discord_handle": rules.clean_discord(values.get("discord_handle")),
        "github_url": rules.clean_github(values.get("github_url")),
    }
    errors = details_errors(clean)
    if errors:
        raise Invalid("Your details were not saved.", errors=errors)
    profile = profile_for(user)
    for name, value in clean.items():
        setattr(profile, name, value)
    changed("profiles")
    return profile


def details_errors(clean: dict) -> dict:
    errors = {}
    rules.check_length(errors, "headline", clean["headline"], "headline", "The headline")
    rules.check_length(errors, "overview", clean["overview"], "overview", "The overview")
    rules.check_length(errors, "project_focus", clean["project_focus"], "project_focus", "It")
    for name, check in (
        ("discord_handle", rules.discord_error),
        ("github_url", rules.github_error),
    ):
        message = check(clean[name])
        if message:
            errors[name] = message
    return errors


def add_learning(user: User, *, kind: LearningKind | str, name: str, note: str = "") -> Learning:
    try:
        kind = LearningKind(kind)
    except ValueError:
        raise Invalid("Choose technology or concept.", errors={"kind": "Choose one."}) from None
    learning = Learning(user_id=user.id, kind=kind)
    _check_room(Learning, user, Learning.kind == kind, plural=PLURALS[kind])
    learning.position = _next_position(Learning, user, Learning.kind == kind)
    return _save_learning(learning, name, note, adding=True)


def update_learning(learning: Learning, *, name: str, note: str = "") -> Learning:
    return _save_learning(learning, name, note, adding=False)


def _save_learning(learning: Learning, name: str, note: str, *, adding: bool) -> Learning:
    name, note = rules.clean_name(name), rules.one_line(note)
    errors = {}
    rules.check_name(errors, "name", name)
    rules.check_length(errors, "note", note, "note", "The note")
    if errors:
        raise Invalid("The learning was not saved.", errors=errors)
    topic = topic_for(name)
    taken = db.session.scalar(
        select(Learning).where(Learning.user_id == learning.user_id, Learning.topic_id == topic.id)
    )
    if taken is not None and taken is not learning:
        where = "technologies" if taken.kind is LearningKind.TECHNOLOGY else "concepts"
        raise Invalid(
            "The learning was not saved.",
            errors={"name": f"You already list “{topic.name}” under {where}."},
        )
    learning.topic, learning.note = topic, note
    if adding:
        db.session.add(learning)
    _flush("That learning was just added. Reload the page to see it.")
    lists_changed(learning.user_id)
    return learning


def add_challenge(user: User, *, title: str, solution: str = "", tag_ids=()) -> Challenge:
    _check_room(Challenge, user, plural="challenges")
    challenge = Challenge(user_id=user.id, position=_next_position(Challenge, user))
    update_challenge(challenge, title=title, solution=solution, tag_ids=tag_ids)
    db.session.add(challenge)
    return challenge


def update_challenge(challenge: Challenge, *, title: str, solution: str = "", tag_ids=()):
    title, solution = rules.one_line(title), rules.clean_markdown(solution)
    errors = {}
    rules.check_required(errors, "title", title, "Describe the challenge in a line.")
    rules.check_length(errors, "title", title, "title", "The challenge")
    rules.check_length(errors, "solution", solution, "solution", "The solution")
    ids = rules.parse_ids(tag_ids)
    tags = []
    if ids:
        query = select(Learning).where(Learning.user_id == challenge.user_id, Learning.id.in_(ids))
        tags = db.session.scalars(query).all()
    if ids is None or len(tags) != len(ids):
        errors["tag_ids"] = "Choose related learnings from your own list."
    if errors:
        raise Invalid("The challenge was not saved.", errors=errors)
    challenge.title, challenge.solution = title, solution
    challenge.tags = sorted(tags, key=lambda t: (t.kind != LearningKind.TECHNOLOGY, t.position))
    lists_changed(challenge.user_id)
    return challenge


def add_takeaway(user: User, *, text: str) -> Takeaway:
    _check_room(Takeaway, user, plural="takeaways")
    takeaway = Takeaway(user_id=user.id, position=_next_position(Takeaway, user))
    update_takeaway(takeaway, text=text)
    db.session.add(takeaway)
    return takeaway


def update_takeaway(takeaway: Takeaway, *, text: str) -> Takeaway:
    text = rules.clean_markdown(text)
    errors = {}
    rules.check_required(errors, "text", text, "Write the practice or takeaway.")
    rules.check_length(errors, "text", text, "text", "The takeaway")
    if errors:
        raise Invalid("The takeaway was not saved.", errors=errors)
    takeaway.text = text
    lists_changed(takeaway.user_id)
    return takeaway


def add_section(user: User, *, title: str, body: str = "") -> ExtraSection:
    _check_room(ExtraSection, user, plural="extra sections")
    section = ExtraSection(user_id=user.id, position=_next_position(ExtraSection, user))
    update_section(section, title=title, body=body)
    db.session.add(section)
    return section


def update_section(section: ExtraSection, *, title: str, body: str = "") -> ExtraSection:
    title, body = rules.one_line(title), rules.clean_markdown(body)
    errors = {}
    rules.check_required(errors, "title", title, "Give the section a title.")
    rules.check_length(errors, "title", title, "section_title", "The title")
    rules.check_length(errors, "body", body, "body", "The text")
    if errors:
        raise Invalid("The section was not saved.", errors=errors)
    section.title, section.body = title, body
    lists_changed(section.user_id)
    return section


def delete_item(item) -> None:
    user_id = item.user_id  # read before: a deleted row cannot be refreshed
    db.session.delete(item)
    lists_changed(user_id)


def move_item(item, direction: str) -> None:
    """Move an item one place up or down in its list (a no-op at either end)."""
    if direction not in ("up", "down"):
        raise Invalid("Move up or down.", errors={"direction": "Choose up or down."})
    model = type(item)
    query = select(model).where(model.user_id == item.user_id)
    if model is Learning:
        query = query.where(Learning.kind == item.kind)
    items = list(db.session.scalars(query.order_by(model.position, model.id)))
    index = items.index(item)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    for position, each in enumerate(items):
        each.position = position
    lists_changed(item.user_id)


def erase_profile(user: User) -> None:
    """Delete everything `user`'s profile holds (their account is being deleted)."""
    for model in (*ORDERED, PendingImport, Profile):
        db.session.execute(delete(model).where(model.user_id == user.id))
    changed("profiles")


def lists_changed(user_id: int) -> None:
    """Mark the cache, and move the learner's `profile_version`: a visitor's copy of their
    lists is kept under it (list_display.py). In SQL, so two edits at once move it twice."""
    bump = update(User).where(User.id == user_id)
    db.session.execute(bump.values(profile_version=User.profile_version + 1))
    changed("profiles")


def _next_position(model, user: User, *where) -> int:
    query = select(func.max(model.position)).where(model.user_id == user.id, *where)
    highest = db.session.scalar(query)
    return 0 if highest is None else highest + 1


def _check_room(model, user: User, *where, plural: str) -> None:
    query = select(func.count()).select_from(model).where(model.user_id == user.id, *where)
    if db.session.scalar(query) >= rules.MAX_ITEMS:
        raise Invalid(
            f"You have {rules.MAX_ITEMS} {plural}, the most a profile keeps. Remove one first."
        )


def _flush(message: str) -> None:
    try:
        with db.session.begin_nested():
            db.session.flush()
    except IntegrityError:
        raise Conflict(message) from None
