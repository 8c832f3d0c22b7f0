"""Review requests for tests, made and moved through the services."""

from nexus_board.extensions import db
from nexus_board.models import User
from nexus_board.reviews import lifecycle, services
from nexus_board.reviews.policy import Action

FIELDS = {
    "title": "Review my pagination",
    "link": "https://github.com/ada/shop/pull/7",
    "focus": "Is the cursor **stable**?",
    "tags": "python, django",
}
# How to reach each state from open, as the reviewer.
MOVES = {"open": [], "in_review": [Action.CLAIM], "done": [Action.CLAIM, Action.FINISH]}


def ask(requester_id: int, *, state: str = "open", reviewer_id: int | None = None, **fields):
    """A review request by `requester_id` (in an app context), moved to `state`; its id."""
    review = services.request_review(db.session.get(User, requester_id), **(FIELDS | fields))
    db.session.commit()
    for action in MOVES[state]:
        lifecycle.move(review.id, db.session.get(User, reviewer_id), action, "Looks good.")
        db.session.commit()
    return review.id
