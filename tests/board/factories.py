"""Building contracts for tests: valid drafts, and contracts in any state through the services."""

import json

from nexus_board.board import lifecycle, services
from nexus_board.board.policy import Action
from nexus_board.board.specs import ContractDraft, ResponseDraft
from nexus_board.caching import changed
from nexus_board.extensions import db
from nexus_board.models import User

PRODUCT = {"id": 1, "name": "Shoe", "price": "9.90", "tags": ["a"], "maker": {"id": 2}}
TOO_DEEP = "[" * 40 + "]" * 40  # saved before deep examples were refused: no schema for it
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


def broken(author_id: int, **fields) -> int:
    """A contract (in an app context) whose project cannot document it: its first response's
    example was saved before deep examples were refused. Returns its id."""
    from nexus_board.models import Contract

    contract_id = post(author_id, **fields)
    db.session.get(Contract, contract_id).responses[0].example = TOO_DEEP
    changed("board", "mocks")  # written past the services, as an older release saved it
    db.session.commit()
    return contract_id


def bulk(author_id: int, claimer_id: int, n: int, project: str = "Bulk") -> None:
    """Insert `n` contracts spread over the four states, with tags and a response (fast)."""
    from nexus_board.models import Contract, ContractResponse, ContractTag, Project
    from nexus_board.models.types import utcnow

    slug = project.lower().replace(" ", "-")
    home = db.session.scalar(db.select(Project).where(Project.slug == slug))
    home = home or Project(name=project, slug=slug)
    states = list(MOVES)
    for i in range(n):
        state = states[i % 4]
        db.session.add(
            Contract(
                project=home,
                method="GET",
                path=f"/{slug}/{i}",
                path_key=f"/{slug}/{i}",
                summary=f"Bulk contract {i}",
                status=state,
                author_id=author_id,
                claimer_id=None if state == "open" else claimer_id,
                seen_version=None if state == "open" else 1,
                status_changed_at=utcnow(),
                responses=[ContractResponse(status_code=200, description="OK", example="{}")],
                tags=[ContractTag(name=f"tag{i % 7}"), ContractTag(name="bulk")],
            )
        )
    changed("board")  # as every service that writes to the board does
    db.session.commit()
