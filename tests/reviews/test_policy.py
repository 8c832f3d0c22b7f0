"""Every cell of the review table, exercised through the real services.

The grid is written out independently of `policy.RULES`: ok = allowed, 403 = not your role,
409 = not in this state, - = cannot happen (an open request has no reviewer). The cast: ada
asks, brian reviews, mentor is an admin and hana a frontend learner; "backend" is a third
backend learner.
"""

import pytest
from sqlalchemy import select

from nexus_board.errors import Conflict, Forbidden
from nexus_board.extensions import db
from nexus_board.models import User
from nexus_board.reviews import lifecycle, policy
from nexus_board.reviews.policy import Action

from .factories import ask

GRIDS = {
    "claim": """
          open  in_review  done
requester 403   403        403
reviewer  -     409        409
backend   ok    409        409
frontend  403   403        403
admin     ok    409        409
""",
    "unclaim": """
          open  in_review  done
requester 403   403        403
reviewer  -     ok         409
backend   403   403        403
frontend  403   403        403
admin     409   ok         409
""",
    "finish": """
          open  in_review  done
requester 403   403        403
reviewer  -     ok         409
backend   403   403        403
frontend  403   403        403
admin     403   403        403
""",
    "thank": """
          open  in_review  done
requester 409   409        ok
reviewer  -     403        403
backend   403   403        403
frontend  403   403        403
admin     403   403        403
""",
    "reopen": """
          open  in_review  done
requester 409   409        ok
reviewer  -     403        403
backend   403   403        403
frontend  403   403        403
admin     403   403        403
""",
}
PLAYERS = {"requester": "ada", "reviewer": "brian", "backend": "carla", "frontend": "hana",
           "admin": "mentor"}  # fmt: skip


def cells():
    for action, grid in GRIDS.items():
        lines = grid.strip().splitlines()
        states = lines[0].split()
        for line in lines[1:]:
            role, *outcomes = line.split()
            for state, outcome in zip(states, outcomes, strict=True):
                if outcome != "-":
                    yield action, role, state, outcome


@pytest.mark.parametrize(("action", "role", "state", "outcome"), list(cells()))
def test_each_cell(app, cast, make_user, action, role, state, outcome):
    make_user("carla", track="backend")
    with app.app_context():
        review_id = ask(cast["ada"], state=state, reviewer_id=cast["brian"])
        actor = db.session.scalar(select(User).where(User.username == PLAYERS[role]))
        expected = {"ok": None, "403": Forbidden, "409": Conflict}[outcome]
        if expected is None:
            after = lifecycle.move(review_id, actor, Action(action), "Text for it.")
            assert after.status is policy.TARGETS[Action(action)]
        else:
            with pytest.raises(expected):
                lifecycle.move(review_id, actor, Action(action), "Text for it.")


def test_the_grid_covers_the_table():
    assert {(a, s) for a, _, s, _ in cells()} == {(str(a), str(s)) for a, s in policy.RULES}
