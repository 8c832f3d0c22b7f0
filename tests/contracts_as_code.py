"""Helpers shared by the tests of the API, the mocks and OpenAPI: tokens and contracts."""

import json

from nexus_board.auth import tokens
from nexus_board.extensions import db
from nexus_board.models import User

from .board.factories import post


def make_token(app, user_id: int, name: str = "CI", scope: str = "write") -> str:
    """A personal access token for `user_id`, made through the service; returns its secret."""
    with app.app_context():
        _, secret = tokens.create_token(db.session.get(User, user_id), name, scope=scope)
        db.session.commit()
        return secret


def bearer(secret: str) -> dict:
    return {"Authorization": f"Bearer {secret}"}


def order_contract(app, author_id: int, **fields) -> int:
    """POST /api/v1/orders with a request example, 201 and 400 responses (in E-commerce API)."""
    from nexus_board.board.specs import ResponseDraft

    values = {
        "method": "POST",
        "path": "/api/v1/orders",
        "summary": "Place an order",
        "request_example": json.dumps({"items": [{"product_id": 42, "quantity": 2}]}),
        "tags": "orders",
        "auth_required": True,
        "responses": [
            ResponseDraft(201, "", json.dumps({"id": 1001, "status": "pending"})),
            ResponseDraft(400, "", json.dumps({"detail": "Your cart is empty."})),
        ],
    }
    with app.app_context():
        return post(author_id, **(values | fields))
