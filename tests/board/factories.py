"""Building contracts for tests: valid drafts, and contracts in any state through the services."""

import json

from nexus_board.board import lifecycle, services
from nexus_board.board.policy import Action
from nexus_board.board.specs import ContractDraft, ResponseDraft
from nexus_board.extensions import db
from nexus_board.models import User

PRODUCT = {"id": 1, "name": "Shoe", "price": "9.90", "tags": ["a"], "maker": {"id": 2}}
# How to reach each state from open, as the claimer.
MOVES = {
    "open": [],
    "claimed": [Action.CLAIM],
    "in_progress": [Action.CLAIM, Action.START],
    "done": [Action.CLAIM, Action.START, Action.FINISH],
}


def draft(**fields) -> ContractDraft:
    """A valid draft: GET /api/v1/products/{id} in "E-commerce API", overridable."""
    values = {
        "project": "E-commerce API",
        "method": "GET",
        "path": "/api/v1/products/{id}",
        "summary": "Get one product",
        "description": "",
        "auth_required": False,
        "request_example": "",
        "tags": "products",
        "responses": [ResponseDraft(200, "", json.dumps(PRODUCT)), ResponseDraft(404, "", "")],
    }
    values.update(fields)
    return ContractDraft(**values)


def post(author_id: int, *, state: str = "open", claimer_id: int | None = None, **fields) -> int:
    """Create a contract (in an app context) and move it to `state`; returns its id."""
    contract = services.create_contract(draft(**fields), db.session.get(User, author_id))
    db.session.commit()
    if state != "open":
        claimer = db.session.get(User, claimer_id)
        for action in MOVES[state]:
            lifecycle.move(contract.id, claimer, action)
            db.session.commit()
    return contract.id
