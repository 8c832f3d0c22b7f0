"""Every cell of the transition table, exercised through the real services.

The expected grid below is written out independently of `policy.RULES`: for each action, a row
per role and a column per state. ok = allowed, 403 = not your role, 409 = not in this state,
404 = hidden from you, - = cannot happen (an open contract has no claimer).

"repair" and "hide" act on a contract that needs fixing, "unhide" on one its author hid; when
hiding is refused for other reasons (a sound contract, hidden already) is in test_hiding.py.
"""

import pytest

from nexus_board import create_app
from nexus_board.board import lifecycle, policy, services
from nexus_board.board.policy import Action
from nexus_board.board.specs import draft_of
from nexus_board.errors import Conflict, Forbidden, NotFound
from nexus_board.extensions import db
from nexus_board.models import Contract, ContractStatus, User

from ..conftest import config_for
from .factories import MOVES, draft

GRIDS = {
    "claim": """
        open  claimed  in_progress  done
author   403   403      403          403
teammate 403   403      403          403
backend  403   403      403          403
claimer  -     409      409          409
frontend ok    409      409          409
admin    ok    409      409          409
""",
    "unclaim": """
        open  claimed  in_progress  done
author   403   403      403          403
teammate 403   403      403          403
backend  403   403      403          403
claimer  -     ok       ok           ok
frontend 403   403      403          403
admin    409   ok       ok           ok
""",
    "start": """
        open  claimed  in_progress  done
author   403   403      403          403
teammate 403   403      403          403
backend  403   403      403          403
claimer  -     ok       409          409
frontend 403   403      403          403
admin    409   ok       409          409
""",
    "finish": """
        open  claimed  in_progress  done
author   403   403      403          403
teammate 403   403      403          403
backend  403   403      403          403
claimer  -     409      ok           409
frontend 403   403      403          403
admin    409   409      ok           409
""",
    "reopen": """
        open  claimed  in_progress  done
author   403   403      403          403
teammate 403   403      403          403
backend  403   403      403          403
claimer  -     409      409          ok
frontend 403   403      403          403
admin    409   409      409          ok
""",
    "implement": """
        open  claimed  in_progress  done
author   ok    ok       ok           ok
teammate 403   403      403          403
backend  403   403      403          403
claimer  -     403      403          403
frontend 403   403      403          403
admin    ok    ok       ok           ok
""",
    "edit": """
        open  claimed  in_progress  done
author   ok    ok       ok           ok
teammate 403   403      403          403
backend  403   403      403          403
claimer  -     403      403          403
frontend 403   403      403          403
admin    ok    ok       ok           ok
""",
    "repair": """
        open  claimed  in_progress  done
author   ok    ok       ok           ok
teammate ok    ok       ok           ok
backend  403   403      403          403
claimer  -     403      403          403
frontend 403   403      403          403
admin    ok    ok       ok           ok
""",
    "delete": """
        open  claimed  in_progress  done
author   ok    409      409          409
teammate 403   403      403          403
backend  403   403      403          403
claimer  -     403      403          403
frontend 403   403      403          403
admin    ok    ok       ok           ok
""",
    "hide": """
        open  claimed  in_progress  done
author   ok    ok       ok           ok
teammate ok    ok       ok           ok
backend  403   403      403          403
claimer  -     403      403          403
frontend 403   403      403          403
admin    ok    ok       ok           ok
""",
    "unhide": """
        open  claimed  in_progress  done
author   ok    ok       ok           ok
teammate ok    ok       ok           ok
backend  404   404      404          404
claimer  -     403      403          403
frontend 404   404      404          404
admin    ok    ok       ok           ok
""",
}
TARGET = {"claim": "claimed", "unclaim": "open", "start": "in_progress", "finish": "done",
          "reopen": "in_progress"}  # fmt: skip
ACTOR = {"author": "ada", "teammate": "tess", "backend": "brian", "claimer": "gabriel",
         "frontend": "hana", "admin": "mentor"}  # fmt: skip
# Saved before deep examples were refused: the project's document cannot hold it.
TOO_DEEP = "[" * 40 + "]" * 40


def cells():
    for action, grid in GRIDS.items():
        header, *rows = grid.strip().splitlines()
        states = header.split()
        for row in rows:
            role, *outcomes = row.split()
            for state, outcome in zip(states, outcomes, strict=True):
                if outcome != "-":
                    yield pytest.param(action, role, state, outcome, id=f"{action}-{role}-{state}")


@pytest.fixture(scope="module")
def table_app(tmp_path_factory):
    """One app and cast for the whole table (each cell makes its own contract)."""
    app = create_app(config_for(tmp_path_factory.mktemp("policy")))
    with app.app_context():
        db.create_all()
        for name in ACTOR.values():
            role = "admin" if name == "mentor" else "learner"
            track = "frontend" if name in ("gabriel", "hana") else "backend"
            db.session.add(
                User(username=name, display_name=name, password_hash="x", track=track, role=role)
            )
        db.session.commit()
        services.create_contract(draft(path="/teammates/own"), _user("tess"))
        db.session.commit()
    yield app
    with app.app_context():
        db.engine.dispose()


def _user(name):
    return db.session.scalar(db.select(User).where(User.username == name))


def _contract_in(state: str, n: int, *, broken: bool = False, hidden: bool = False) -> Contract:
    contract = services.create_contract(draft(path=f"/cells/{n}"), _user("ada"))
    if broken:
        contract.responses[0].example = TOO_DEEP
    db.session.commit()
    for action in MOVES[state]:
        lifecycle.move(contract.id, _user("gabriel"), action)
        db.session.commit()
    if hidden:
        lifecycle.hide(contract.id, _user("ada"), "Examples too deep to document")
        db.session.commit()
    return db.session.get(Contract, contract.id)


def _do(action: str, contract: Contract, actor: User):
    if action in TARGET:
        return lifecycle.move(contract.id, actor, Action(action))
    if action == "implement":
        return lifecycle.implement(contract.id, actor)
    if action in ("edit", "repair"):
        changed = draft_of(contract)
        changed.summary = "Edited"
        if action == "repair":
            changed.responses[0].example = '{"fixed": true}'
        return services.update_contract(contract, changed, actor, expected_version=1)
    if action == "hide":
        return lifecycle.hide(contract.id, actor, "Its examples cannot be documented")
    if action == "unhide":
        return lifecycle.unhide(contract.id, actor)
    return services.delete_contract(contract, actor)


def _seen(contract: Contract) -> tuple:
    return (contract.status, contract.claimer_id, contract.summary, contract.implemented_at,
            contract.hidden_at, contract.hidden_by_id)  # fmt: skip


@pytest.mark.parametrize(("action", "role", "state", "expected"), list(cells()))
def test_transition_table_cell(table_app, action, role, state, expected, request):
    with table_app.app_context():
        broken = action in ("repair", "hide", "unhide")
        n = abs(hash(request.node.name))
        contract = _contract_in(state, n, broken=broken, hidden=action == "unhide")
        actor = _user(ACTOR[role])
        assert policy.role_of(actor, contract).value == role
        shown = Action(action) in policy.allowed(actor, contract)
        if action == "edit" and expected != "ok":  # a sound contract is no teammate's to repair
            assert not services.needs_fixing(contract)
        assert shown == (expected == "ok"), "the buttons must match the table"
        if action in ("hide", "unhide"):
            offered = policy.hiding_allowed(actor, contract, needs_fixing=True)
            assert (Action(action) in offered) == (expected == "ok"), "the page must match"
        before = _seen(contract)
        if expected == "ok":
            _do(action, contract, actor)
            db.session.commit()
            after = db.session.get(Contract, contract.id)
            if action == "delete":
                assert after is None
            elif action in TARGET:
                assert after.status == ContractStatus(TARGET[action])
                assert (after.claimer_id is None) == (TARGET[action] == "open")
                if action == "claim":
                    assert after.claimer_id == actor.id
            elif action == "implement":
                assert after.implemented_at is not None
            elif action == "hide":
                assert (after.hidden_by_id, after.hidden_at is not None) == (actor.id, True)
            elif action == "unhide":
                assert (after.hidden_at, after.hidden_by_id, after.hidden_reason) == (None,) * 3
            else:
                assert (after.summary, after.version) == ("Edited", 2)
        else:
            error = {"403": Forbidden, "404": NotFound, "409": Conflict}[expected]
            with pytest.raises(error) as raised:
                _do(action, contract, actor)
            assert raised.value.message  # a reason a person can read
            db.session.rollback()
            assert _seen(db.session.get(Contract, contract.id)) == before


def test_the_table_covers_every_action_and_state():
    assert set(policy.RULES) == {(a, s) for a in Action for s in ContractStatus}
    assert all(len(row) == len(policy.COLUMNS) for row in policy.RULES.values())
    assert {a.value for a in Action} == set(GRIDS)
