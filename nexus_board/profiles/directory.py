"""The learners directory: one page of matching learners, with their headlines, their first few
learnings and how many learners match, in one statement; each card's HTML.

The count is a subquery of its own, so the page itself walks the name index and stops at its
last card: joining profiles to every match and sorting them all cost more than the page.
It reads every learner, so each process keeps the counts of the searches it ran lately under
the directory's version (`kept_versions`: moved by every commit that writes learners, their
learnings or topics), and the statement counts only when the version it reads is not the one
the kept count was made at.
"""

import hashlib
import threading
from dataclasses import dataclass
from functools import cache

from cachetools import LRUCache
from flask import current_app, g, url_for
from markupsafe import Markup
from sqlalchemy import BigInteger, Integer, Select, bindparam, case, func, null, or_, select

from .. import kept, kept_versions
from ..database import constant
from ..extensions import db
from ..limits import DIRECTORY_COUNTS_KEPT, LEARNER_CARDS_KEPT
from ..models import AccountState, Learning, Profile, Role, Topic, Track, User
from . import bp
from .queries import first_learnings
from .rules import one_line, topic_key

ESCAPE = "/"
KEPT = "nexus_board.kept_learner_cards"  # in app.extensions: cards' HTML by what they show
COUNTS = "nexus_board.directory_counts"  # in app.extensions: (version, count) by search
VERSION = "directory"  # its kept_versions row
READ_FROM = {User.__tablename__, Learning.__tablename__, Topic.__tablename__}


@dataclass(frozen=True, slots=True)
class LearnerCard:
    """What a learner's card shows."""

    id: int
    username: str
    display_name: str
    track: Track | None
    headline: str
    learnings: tuple[str, ...]  # their first few, technologies first, in their own order


def page_of(
    text: str, track: Track | None, number: int, per_page: int, per_learner: int = 3
) -> tuple[list[LearnerCard], int]:
    """Page `number` of the learners whose name, username, technology or concept contains
    `text` (on `track`), by name, and how many match in all."""
    text = one_line(text)
    values = {"track": track, "limit": per_page, "offset": (number - 1) * per_page}
    if text:
        values |= {"name": _contains(text.lower()), "topic": _contains(topic_key(text))}
    counts, search = _counts(), (text, track)
    with counts.lock:
        known_version, known_total = counts.get(search, (-1, None))
    values |= {"per": per_learner, "known": known_version}
    rows = db.session.execute(_page(bool(text), track is not None), values)
    found: dict[int, tuple] = {}
    total = version = None
    for user_id, username, name, track_, headline, _, learning, counted, at in rows:
        person = found.setdefault(user_id, ((username, name, track_, headline or ""), []))
        total, version = counted, at  # every row carries them
        if learning is not None:
            person[1].append(learning)
    if found and version == known_version:
        total = known_total  # the statement did not count: nothing it reads changed since
    elif found and version is not None:
        with counts.lock:
            counts[search] = (version, total)
    if not found and number == 1:
        total = 0
    elif not found:  # past the last page: no row carried the count
        total = db.session.scalar(_count(bool(text), track is not None), values)
    cards = [LearnerCard(i, *person, tuple(names)) for i, (person, names) in found.items()]
    return cards, total


@bp.app_template_global()
def learner_card_html(card: LearnerCard) -> Markup:
    """The card's HTML (templates/profiles/_learner_card.html), kept in this process under a
    digest of the card's values and the profiles' address: all it shows."""
    if "profile_url" not in g:  # "/u/", once per request
        g.profile_url = url_for("profiles.show", username="-")[:-1]
    shown = repr((card, g.profile_url))
    key = hashlib.blake2b(shown.encode(), digest_size=16).hexdigest()
    template = "profiles/_learner_card.html"
    return kept.macro_html(
        KEPT, LEARNER_CARDS_KEPT, key, template, "learner_card", card, g.profile_url
    )


def _contains(text: str) -> str:
    escaped = text.replace(ESCAPE, ESCAPE * 2).replace("%", ESCAPE + "%").replace("_", ESCAPE + "_")
    return f"%{escaped}%"


def _matching(text: bool, track: bool) -> list:
    """The conditions for the shape of a search."""
    listed = User.state != constant(AccountState.DELETED, User.state)  # User.listed(), written in
    wanted = [User.role == constant(Role.LEARNER, User.role), listed]
    if track:
        wanted.append(User.track == bindparam("track"))
    if text:
        # The few matching topics once, not a correlated match per learner and learning.
        topics = select(Topic.id).where(Topic.key.like(bindparam("topic"), escape=ESCAPE))
        learned = select(Learning.user_id).where(Learning.topic_id.in_(topics))
        name = bindparam("name")
        wanted.append(
            or_(
                User.sort_name.like(name, escape=ESCAPE),
                User.username.like(name, escape=ESCAPE),
                User.id.in_(learned),
            )
        )
    return wanted


@cache
def _count(text: bool, track: bool) -> Select:
    return select(func.count()).select_from(User).where(*_matching(text, track))


@cache
def _page(text: bool, track: bool) -> Select:
    """One statement per shape of search (built once, its values bound per call). The page's
    size and offset are written into the SQL: bound, PostgreSQL's generic plan assumed a deep
    page and looked dear at a thousand learners, so every search was planned again (1 ms)."""
    people = (
        select(User.id, User.username, User.display_name, User.track, Profile.headline)
        .add_columns(User.sort_name)
        .outerjoin(Profile, Profile.user_id == User.id)
        .where(*_matching(text, track))
        .order_by(User.sort_name, User.id)
        .limit(bindparam("limit", type_=Integer, literal_execute=True))
        .offset(bindparam("offset", type_=BigInteger, literal_execute=True))
        .subquery()
    )
    per_learner = bindparam("per", type_=Integer, literal_execute=True)
    # The count in the outer list, not with the people: their subquery is read twice (the
    # page, and whose learnings), and would count twice. Not correlated: it runs once, and
    # not at all when the version is the kept count's (both engines skip a CASE's untaken
    # branch).
    version = kept_versions.current(VERSION)
    counted = _count(text, track).scalar_subquery().correlate(None)
    known = bindparam("known", type_=Integer)
    total = case((version == known, null()), else_=counted).label("total")
    return first_learnings(people, (people.c.sort_name, people.c.id), per_learner).add_columns(
        total, version.label("version")
    )


class _Counts(LRUCache):
    lock: threading.Lock


def _counts() -> _Counts:
    """This app's kept counts (ids and versions are one database's)."""
    counts = current_app.extensions.get(COUNTS)
    if counts is None:
        counts = _Counts(maxsize=DIRECTORY_COUNTS_KEPT)
        counts.lock = threading.Lock()  # gthread workers share a process
        counts = current_app.extensions.setdefault(COUNTS, counts)
    return counts


def init_app(app) -> None:
    kept_versions.moves(VERSION, READ_FROM)
