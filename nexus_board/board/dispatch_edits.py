"""Adding and removing a contract's mock dispatch rules: each an edit, with its revision.

They go through `update_contract`, so the rules are checked with the rest of the contract
(`mock_rules.check_dispatch`), the author's permission and the optimistic lock hold, and the
history shows who changed them.
"""

from dataclasses import replace

from ..errors import Invalid
from ..models import Contract, Revision, User
from . import mock_rules
from .services import update_contract
from .specs import draft_of


def add_rule(contract: Contract, rule: dict, editor: User, *, expected_version: int) -> Revision:
    """Add `rule` after the contract's other rules (the first match wins)."""
    rules = [*mock_rules.rules(contract.dispatch), rule]
    return _save(contract, rules, editor, expected_version)


def remove_rule(contract: Contract, index: int, editor: User, *, expected_version: int):
    """Remove the rule at `index` (0-based); a made-up index removes nothing."""
    rules = mock_rules.rules(contract.dispatch)
    if not 0 <= index < len(rules):
        raise Invalid("There is no such rule.", errors={"dispatch": "That rule is gone already."})
    return _save(contract, rules[:index] + rules[index + 1 :], editor, expected_version)


def _save(contract: Contract, rules: list[dict], editor: User, expected_version: int):
    text = mock_rules.examples.dump(rules) if rules else ""
    draft = replace(draft_of(contract), dispatch=text)
    return update_contract(contract, draft, editor, expected_version=expected_version)
