"""What a board card shows, read as plain values: one statement for a whole board.

Loading 200 `Contract` entities with their joined rows was a third of an uncached board render
(identity map, instrumented attributes, five joined tables per row); a card needs a few columns.
`Card` carries them under the names `Contract` uses, so the card template, the policy and the
card cache read either one.
"""

from typing import NamedTuple

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased

from ..extensions import db
from ..models import Contract, ContractTag, Project, Role, User, Verification
from ..models.contract import ContractFacts
from ..models.hiding import HidingFacts

COLUMNS = (
    *("id", "status", "method", "path", "operation_type", "operation_name", "summary"),
    *("auth_required", "is_draft", "project_id", "author_id", "claimer_id", "version"),
    *("seen_version", "breaking_version", "implemented_at", "deprecated_at", "sunset"),
    *("status_changed_at", "hidden_at", "hidden_reason"),
)


class Named(NamedTuple):
    slug: str
    name: str


class Person(NamedTuple):
    display_name: str
    is_admin: bool = False


class Check(NamedTuple):
    passed: bool
    checked_at: object
    contract_version: int
    environment: str | None
    detail: str


class Card(ContractFacts, HidingFacts):
    """One contract as its card shows it (read only: writes go through `Contract`)."""

    __slots__ = (*COLUMNS, "project", "author", "claimer", "hidden_by", "verification", "tags")

    @property
    def tag_names(self) -> list[str]:
        return self.tags

    def __repr__(self) -> str:
        return f"<Card {self.id} {self.endpoint}>"


_author, _claimer, _hider = (aliased(User) for _ in range(3))
# Tag names are slugs (board/specs.py: letters, digits, hyphens), so a comma joins them safely.
_TAGS = (
    select(func.aggregate_strings(ContractTag.name, ","))
    .where(ContractTag.contract_id == Contract.id)
    .scalar_subquery()
)
_CHECK = (Verification.passed, Verification.checked_at, Verification.contract_version)
_CARD = (
    select(
        *(getattr(Contract, name) for name in COLUMNS),
        *(Project.slug, Project.name, _author.display_name, _claimer.display_name),
        *(_hider.display_name, _hider.role, *_CHECK, Verification.environment),
        Verification.detail,
        _TAGS,
    )
    .join(Project, Project.id == Contract.project_id)
    .join(_author, _author.id == Contract.author_id)
    .outerjoin(_claimer, _claimer.id == Contract.claimer_id)
    .outerjoin(_hider, _hider.id == Contract.hidden_by_id)
    .outerjoin(Verification, Verification.contract_id == Contract.id)
)
_FIELDS = len(COLUMNS)


def read(ids: Select) -> list[Card]:
    """The cards of the contracts whose ids `ids` selects, in no particular order: one
    statement."""
    return run(statement(ids))


def statement(ids: Select) -> Select:
    """The statement reading the cards of the contracts `ids` selects (for `run`)."""
    return _CARD.where(Contract.id.in_(ids))


def run(cards: Select, values: dict | None = None) -> list[Card]:
    """The cards a `statement` reads, with `values` bound."""
    # Plain rows need no ORM: the session's connection runs it in the request's transaction.
    return [_card(row) for row in db.session.connection().execute(cards, values or {})]


def _card(row) -> Card:
    card = Card()
    for name, value in zip(COLUMNS, row, strict=False):
        setattr(card, name, value)
    slug, name, author, claimer, hider, hider_role, passed, *check, tags = row[_FIELDS:]
    card.project = Named(slug, name)
    card.author = Person(author)
    card.claimer = Person(claimer) if claimer is not None else None
    card.hidden_by = Person(hider, hider_role is Role.ADMIN) if hider is not None else None
    card.verification = Check(passed, *check) if passed is not None else None
    card.tags = sorted(tags.split(",")) if tags else []
    return card
