"""Finding one contract: the 404 and 403 rules in one place."""

from functools import cache

from flask_login import current_user
from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import joinedload, selectinload

from ..errors import NotFound
from ..extensions import db
from ..models import Comment, Contract
from . import examples, policy

GONE = policy.GONE


def card_options() -> tuple:
    """What a card shows, loaded with the contract (row joins and one IN query)."""
    return (*_joined_rows(), selectinload(Contract.tags))


def _joined_rows() -> tuple:
    return (
        joinedload(Contract.project),
        joinedload(Contract.author),
        joinedload(Contract.claimer),
        joinedload(Contract.hidden_by),
        joinedload(Contract.verification),
    )


def get_contract(contract_id: int, *, full: bool = False) -> Contract:
    """The contract as the database has it now (responses too when `full`), or NotFound."""
    contract = db.session.scalars(_one(full), {"contract_id": contract_id}).unique().first()
    if contract is None:
        raise NotFound(GONE)
    return contract


@cache
def _one(full: bool) -> Select:
    """Built once (every contract page and action reads one), the id bound per call. Tags and
    responses are joined too: one contract's rows are at most MAX_TAGS × MAX_RESPONSES (160),
    and two more ORM queries cost twice the whole load."""
    options = (*_joined_rows(), joinedload(Contract.tags))
    options += (joinedload(Contract.responses),) if full else ()
    return (
        select(Contract)
        .where(Contract.id == bindparam("contract_id"))
        .options(*options)
        .execution_options(populate_existing=True)
    )


def stored_examples(contract: Contract) -> list[str | None]:
    return [contract.request_example, *(r.example for r in contract.responses)]


def get_contract_or_404(contract_id: int, *, editable: bool = False, full: bool = True) -> Contract:
    """For views: the whole contract (404 if it is hidden from the signed-in user); with
    `editable`, 403 unless they may edit it. Not `full`: its responses load when read."""
    contract = get_contract(contract_id, full=full)
    if not policy.may_open(current_user, contract):
        raise NotFound(policy.not_there(contract))
    if editable:
        action = policy.edit_action(examples.problem(stored_examples(contract)) is not None)
        policy.check(current_user, contract, action)
    return contract


def get_comment_or_404(contract_id: int, comment_id: int):
    """A comment of that contract, or NotFound."""
    comment = db.session.get(Comment, comment_id)
    if comment is None or comment.contract_id != contract_id:
        raise NotFound("That comment does not exist; it may have been deleted.")
    return comment
