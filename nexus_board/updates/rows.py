"""Updates as the lists show them, read as plain values: one statement for a page of them.

Loading 20 `Update` entities with their authors, contracts and mentions was a quarter of a feed
page (identity map, instrumented attributes, a second statement for the mentions); a list needs
a few columns. `UpdateRow` carries them under the names `Update` uses, so the update template,
the API and Atom read either one.
"""

from typing import NamedTuple

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased

from ..extensions import db
from ..models import Role, Track, Update, UpdateTag, User
from ..models.hiding import HidingFacts
from ..models.update import UpdateFacts, update_mentions
from . import contracts

COLUMNS = (
    *("id", "author_id", "body", "announcement", "question", "pinned_at", "contract_id"),
    *("created_at", "hidden_at", "hidden_reason"),
)


class Author(NamedTuple):
    username: str | None  # None once the account is deleted
    display_name: str
    track: Track
    role: Role

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN


class Mention(NamedTuple):
    username: str


class UpdateRow(UpdateFacts, HidingFacts):
    """One update as a list shows it (read only: writes go through `Update`)."""

    __slots__ = (*COLUMNS, "author", "mentions", "tag_names", "hidden_by")

    def __repr__(self) -> str:
        return f"<UpdateRow {self.id} by {self.author_id}>"


_author, _mentioned = aliased(User), aliased(User)
# Usernames and tags are slugs (auth/services.USERNAME, updates/text.TAG): a comma joins them.
_MENTIONS = (
    select(func.aggregate_strings(_mentioned.username, ","))
    .select_from(update_mentions)
    .join(_mentioned, _mentioned.id == update_mentions.c.user_id)
    .where(update_mentions.c.update_id == Update.id)
    .scalar_subquery()
)
_TAGS = (
    select(func.aggregate_strings(UpdateTag.tag, ","))
    .where(UpdateTag.update_id == Update.id)
    .scalar_subquery()
)
_AUTHOR = (_author.username, _author.display_name, _author.track, _author.role)
_FIELDS = len(COLUMNS)


def statement(stmt: Select, *, tags: bool = False) -> Select:
    """`stmt` (of `Update`, filtered, ordered and limited) as the columns `read` takes: the
    updates', their authors', their mentions' and the contract links'; with `tags` their tags."""
    columns = (*(getattr(Update, name) for name in COLUMNS), *_AUTHOR, _MENTIONS)
    stmt = stmt.with_only_columns(*columns, *([_TAGS] if tags else []))
    return contracts.with_link_columns(stmt.join(_author, _author.id == Update.author_id))


def read(stmt: Select, values: dict, *, tags: bool = False) -> tuple[list[UpdateRow], dict]:
    """The updates a `statement(…, tags=tags)` selects with `values`, in its order, and the
    links to the contracts they are about: one statement."""
    updates, links = [], {}
    for row in db.session.execute(stmt, values):
        updates.append(parse(row, links, tags=tags))
    return updates, links


def parse(row, links: dict, *, tags: bool = False) -> UpdateRow:
    """The update of one row of a `statement(…, tags=tags)`; its contract link goes to `links`."""
    link = contracts.link_of(row[-len(contracts.LINK_COLUMNS) :])
    if link is not None:
        links[link.id] = link
    return _update(row, tags)


def _update(row, tags: bool) -> UpdateRow:
    update = UpdateRow()
    for name, value in zip(COLUMNS, row, strict=False):
        setattr(update, name, value)
    username, display_name, track, role, mentioned, *rest = row[_FIELDS:]
    update.author = Author(username, display_name, track, role)
    update.mentions = [Mention(name) for name in _split(mentioned)]
    update.tag_names = _split(rest[0]) if tags else []
    update.hidden_by = None  # the lists show no hidden update (queries.SHOWN)
    return update


def _split(joined: str | None) -> list[str]:
    return sorted(joined.split(",")) if joined else []
