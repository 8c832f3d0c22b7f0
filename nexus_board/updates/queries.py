"""Reading updates: the feed by cursor, pinned announcements, news since a cursor, the hub's lists.

Every list is newest first by (created_at, id), and a cursor names the last row shown, so pages
neither repeat nor skip rows while new updates arrive. No list holds an update a moderator hid:
its author finds it at its own address, with the reason.
"""

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from sqlalchemy import Integer, Select, and_, bindparam, case, exists, func, or_, select

from ..database import unindexed
from ..extensions import db
from ..lists import Lists, joined, ranked
from ..models import Reply, Update, UpdateTag, User
from ..models.update import update_mentions
from ..pagination import decode_time_cursor, encode_cursor
from . import rows
from .filters import Filters
from .rows import UpdateRow

PAGE_SIZE = 20
# What every list shows: nothing a moderator hid. Nearly every update shows, so the hidden_at
# index cannot narrow a list down; SQLite, with no statistics, would still pick it over the
# (created_at, id) index and sort every update (the feed 50 pages deep: 190 ms instead of 1).
SHOWN = unindexed(Update.hidden_at).is_(None)
NEWEST = (Update.created_at.desc(), Update.id.desc())
PINNED = Update.pinned_at.is_not(None)


@dataclass
class Page:
    items: list[UpdateRow]
    next_cursor: str | None  # for the page after this one; None on the last page
    pinned: list[UpdateRow] = field(default_factory=list)
    contract_links: dict = field(default_factory=dict)  # of items and pinned, by contract id

    @property
    def newest_cursor(self) -> str | None:
        """The cursor of the newest update shown, pinned ones included (for 'new updates')."""
        shown = self.items[:1] + self.pinned
        return cursor_of(max(shown, key=_sort_key)) if shown else None


def feed_page(
    filters: Filters, before: str | None = None, size: int = PAGE_SIZE, *, tags: bool = False
) -> Page:
    """One page of the feed. Unfiltered, pinned announcements head the first page instead.
    With `tags`, each update's tags are loaded too (the API lists them; pages link them)."""
    skip_pinned = filters.empty
    values = _values(filters) | {"size": size + 1}
    if before:
        values["created"], values["update_id"] = decode_time_cursor(before)
    stmt = _page(_shape(filters), skip_pinned=skip_pinned, older=bool(before), tags=tags)
    found, links = rows.read(stmt, values, tags=tags)
    items = found[:size]
    next_cursor = cursor_of(items[-1]) if len(found) > size else None
    pinned = []
    if skip_pinned and not before:
        pinned, pinned_links = rows.read(_pinned(tags), {}, tags=tags)
        links |= pinned_links
    return Page(items=items, next_cursor=next_cursor, pinned=pinned, contract_links=links)


def newest(filters: Filters, limit: int, *, tags: bool = False) -> tuple[list[UpdateRow], dict]:
    """The newest updates matching `filters`, pinned or not, and their contract links (a
    profile's; with `tags` for the Atom feed's categories)."""
    stmt = _page(_shape(filters), skip_pinned=False, older=False, tags=tags)
    return rows.read(stmt, _values(filters) | {"size": limit}, tags=tags)


def count_newer(filters: Filters, after: str | None) -> int:
    """How many updates matching `filters` are newer than the cursor `after` (all if None)."""
    values = _values(filters)
    if after:
        values["created"], values["update_id"] = decode_time_cursor(after)
    return db.session.scalar(_count_newer(_shape(filters), bool(after)), values)


# A list's statement is built once per shape (which filters apply), its values bound per call:
# building and keying a statement of this size cost more than running it. Its size is written
# into the SQL, not bound: with LIMIT unknown, PostgreSQL's generic plan for a page past a
# cursor looked dear, so it planned the statement again on every request (0.9 ms of 1.3).
STATEMENTS = 64  # shapes: tag or not × learner or not × 3 shows × cursor or not × the rest
CREATED, UPDATE_ID = bindparam("created"), bindparam("update_id")


@lru_cache(maxsize=STATEMENTS)
def _page(shape: tuple, *, skip_pinned: bool, older: bool, tags: bool) -> Select:
    stmt = _matching(shape)
    if skip_pinned:
        stmt = stmt.where(Update.pinned_at.is_(None))
    if older:
        stmt = stmt.where(
            Update.created_at <= CREATED,  # a range the index can start from, not a scan
            or_(Update.created_at < CREATED,
                and_(Update.created_at == CREATED, Update.id < UPDATE_ID)),
        )  # fmt: skip
    size = bindparam("size", type_=Integer, literal_execute=True)  # in the SQL: see above
    return rows.statement(stmt.order_by(*NEWEST).limit(size), tags=tags)


@lru_cache(maxsize=2)
def _pinned(tags: bool) -> Select:
    stmt = select(Update).where(Update.pinned_at.is_not(None), SHOWN)
    return rows.statement(stmt.order_by(Update.pinned_at.desc()), tags=tags)


@lru_cache(maxsize=STATEMENTS)
def _count_newer(shape: tuple, newer: bool) -> Select:
    stmt = _matching(shape, select(func.count()).select_from(Update))
    if newer:
        stmt = stmt.where(
            Update.created_at >= CREATED,  # a range the index can start from, not a scan
            or_(Update.created_at > CREATED,
                and_(Update.created_at == CREATED, Update.id > UPDATE_ID)),
        )  # fmt: skip
    return stmt


def lists(
    *,
    pinned: bool = False,
    recent: int = 0,
    viewer: User | None = None,
    mentions: int = 0,
    own: int = 0,
    questions: int = 0,
    asked_since: datetime | None = None,
) -> tuple[dict[str, list[UpdateRow]], dict]:
    """The hub's lists and their contract links in one statement, however many: with `pinned`
    the pinned announcements, the `recent` others, the newest `mentions` that mention `viewer`
    and `own` that they wrote, and the `questions` asked since `asked_since` that have no
    accepted answer. Only what the moderators left shown; each update as a plain row."""
    shape = (pinned, bool(recent), viewer is not None, bool(questions))
    values = {"recent": recent, "questions": questions, "asked_since": asked_since}
    if viewer is not None:
        values |= {"viewer": viewer.id, "mentions": mentions, "own": own}
    found, links = {}, {}
    for name, found_rows in _lists(*shape).read(values).items():
        found[name] = [rows.parse(row, links) for row in found_rows]
    return found, links


@lru_cache(maxsize=16)
def _lists(pinned: bool, recent: bool, viewer: bool, questions: bool) -> Lists:
    shown = select(Update.id).where(SHOWN)
    named = {}
    if pinned:
        named["pinned"] = ranked(shown.where(PINNED), (Update.pinned_at.desc(),))
    if recent:
        named["recent"] = ranked(shown.where(~PINNED), NEWEST, bindparam("recent"))
    if viewer:
        # From the viewer's mentions, not every update in turn until enough mention them.
        theirs = select(update_mentions.c.update_id).where(update_mentions.c.user_id == VIEWER)
        mentioning = shown.where(Update.id.in_(theirs))
        named["mentions"] = ranked(mentioning, NEWEST, bindparam("mentions"))
        named["own"] = ranked(shown.where(Update.author_id == VIEWER), NEWEST, bindparam("own"))
    if questions:
        # Update.shown(), not SHOWN: the questions' index (question, hidden_at, …) serves it.
        asked = (Update.question.is_(True), Update.created_at >= bindparam("asked_since"))
        unanswered = select(Update.id).where(*asked, Update.shown(), ~answered())
        named["questions"] = ranked(unanswered, NEWEST, bindparam("questions"))
    of_lists = lambda lists: select(Update).join_from(lists, Update, Update.id == lists.c.id)  # noqa: E731
    return joined(named, lambda lists: rows.statement(of_lists(lists)))


VIEWER = bindparam("viewer")


@dataclass(frozen=True)
class ThreadInfo:
    replies: int
    answered: bool


def info_for(update_ids) -> dict[int, ThreadInfo]:
    """How many replies each update has and whether it is answered (one query)."""
    ids = list(update_ids)
    if not ids:
        return {}
    rows = db.session.execute(_THREADS, {"ids": ids})
    return {update_id: ThreadInfo(count, bool(answered)) for update_id, count, answered in rows}


# Built once, the ids bound per call: building it cost a third of running it.
_THREADS = (
    select(Reply.update_id, func.count(), func.max(case((Reply.accepted, 1), else_=0)))
    .where(Reply.update_id.in_(bindparam("ids", expanding=True)), Reply.shown())
    .group_by(Reply.update_id)
)


def answered():
    """SQL: the update has an accepted reply (the asker's answer) that a moderator did not hide."""
    accepted = and_(Reply.update_id == Update.id, Reply.accepted.is_(True), Reply.shown())
    return exists().where(accepted)


def cursor_of(update: Update) -> str:
    return encode_cursor(update.created_at.isoformat(), update.id)


def _shape(filters: Filters) -> tuple:
    """Which filters apply, not their values: what a list's statement depends on."""
    return filters.tag is not None, filters.author is not None, filters.show


def _values(filters: Filters) -> dict:
    values = {"tag": filters.tag} if filters.tag is not None else {}
    return values | ({"author": filters.author.id} if filters.author is not None else {})


def _matching(shape: tuple, stmt: Select | None = None) -> Select:
    tag, author, show = shape
    stmt = (select(Update) if stmt is None else stmt).where(SHOWN)
    if tag:
        stmt = stmt.where(Update.tags.any(UpdateTag.tag == bindparam("tag")))
    if author:
        stmt = stmt.where(Update.author_id == bindparam("author"))
    if show in ("questions", "unanswered"):
        stmt = stmt.where(Update.question.is_(True))
    if show == "unanswered":
        stmt = stmt.where(~answered())
    return stmt


def _sort_key(update: Update):
    return (update.created_at, update.id)
