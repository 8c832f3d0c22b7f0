"""How an update links to a contract on the board.

The board (issue 4) lands on its own branch. Until it is merged these functions know no contracts,
so the composer offers no contract field and no update shows a contract link. To wire the board
in, fill in the three functions below from its models; nothing else in updates changes.
"""

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class ContractLink:
    id: int
    title: str  # e.g. "GET /api/projects — List projects"
    url: str  # the contract's page on the board


def choices_for(user) -> list[tuple[int, str]]:
    """Contracts `user` may link an update to, as (id, label), most recent first.

    Board slot: return the contracts the learner posted or claimed.
    """
    return []


def find(contract_id: int) -> ContractLink | None:
    """The contract with this id, or None if there is none. Board slot."""
    return None


def links(contract_ids: Iterable[int]) -> dict[int, ContractLink]:
    """Links for many contracts at once (one query), keyed by id; unknown ids are left out.

    Board slot: one `select(Contract).where(Contract.id.in_(ids))`.
    """
    return {}
