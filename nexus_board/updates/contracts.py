"""How an update links to a contract on the board."""

from collections.abc import Iterable
from dataclasses import dataclass

from flask import url_for
from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import load_only

from ..extensions import db
from ..models import Contract, Update
from ..models.contract import ContractFacts

CHOICES = 50


@dataclass(frozen=True)
class ContractLink:
    id: int
    title: str  # e.g. "GET /api/projects — List projects"

    @property
    def url(self) -> str:
        """The contract's page on the board (needs a request, so built only when shown)."""
        return url_for("board.show", contract_id=self.id)


def choices_for(user) -> list[tuple[int, str]]:
    """Contracts `user` posted or claimed and everyone sees, as (id, label), most recently
    changed first."""
    query = (
        select(Contract)
        .where(or_(Contract.author_id == user.id, Contract.claimer_id == user.id), Contract.shown())
        .where(Contract.is_draft.is_(False))  # an update is public: it points at no draft
        .order_by(Contract.updated_at.desc(), Contract.id.desc())
        .limit(CHOICES)
        .options(_columns())
    )
    return [(c.id, _title(c)) for c in db.session.scalars(query)]


def find(contract_id: int) -> ContractLink | None:
    """The contract with this id, or None if there is none (or it is hidden)."""
    return links([contract_id]).get(contract_id)


def links(contract_ids: Iterable[int]) -> dict[int, ContractLink]:
    """Links for many contracts at once (one query), keyed by id; unknown ids are left out, and
    so are hidden contracts (updates are public)."""
    ids = {i for i in contract_ids if i is not None}
    if not ids:
        return {}
    query = (
        select(Contract)
        .where(Contract.id.in_(ids), Contract.shown(), Contract.is_draft.is_(False))
        .options(_columns())
    )
    return {c.id: ContractLink(c.id, _title(c)) for c in db.session.scalars(query)}


# What `endpoint` reads (a GraphQL contract names its operation) and the summary.
LINK_COLUMNS = (Contract.id, Contract.method, Contract.path, Contract.operation_type,
                Contract.operation_name, Contract.summary)  # fmt: skip


class _Linked(ContractFacts):
    __slots__ = ("method", "path", "operation_type", "operation_name")


def with_link_columns(stmt: Select) -> Select:
    """`stmt`, of updates' columns, with LINK_COLUMNS last: the contract each is about, all None
    unless everyone sees it (as `links` would find it). No query of its own."""
    about = and_(Contract.id == Update.contract_id, Contract.shown(), Contract.is_draft.is_(False))
    return stmt.add_columns(*LINK_COLUMNS).outerjoin(Contract, about)


def link_of(values) -> ContractLink | None:
    """The link from a row's LINK_COLUMNS, None if it names no contract."""
    contract_id, *named, summary = values
    if contract_id is None:
        return None
    linked = _Linked()
    linked.method, linked.path, linked.operation_type, linked.operation_name = named
    return ContractLink(contract_id, f"{linked.endpoint} — {summary}")


def _columns():
    return load_only(*LINK_COLUMNS)


def _title(contract: Contract) -> str:
    return f"{contract.endpoint} — {contract.summary}"
