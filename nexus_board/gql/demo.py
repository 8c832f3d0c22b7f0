"""The demo's GraphQL project: a graphene-style bookshop schema and two claimed operations."""

import json

from ..board import lifecycle
from ..board.policy import Action
from ..extensions import db
from ..models import User
from . import schema_services, services
from .specs import OperationDraft

PROJECT = "Bookshop GraphQL"
SDL = '''"""The bookshop's catalogue and orders."""
type Query {
  books(first: Int = 10, genre: Genre): [Book!]!
  book(id: ID!): Book
}

type Mutation {
  placeOrder(bookId: ID!, quantity: Int!): Order!
}

enum Genre { FICTION HISTORY SCIENCE }

type Book {
  id: ID!
  title: String!
  author: String!
  genre: Genre!
  price: Float
}

type Order { id: ID!, total: Float!, book: Book! }
'''
BOOK_LIST = """query BookList($first: Int) {
  books(first: $first) { id title genre }
}"""
PLACE_ORDER = """mutation PlaceOrder($bookId: ID!, $quantity: Int!) {
  placeOrder(bookId: $bookId, quantity: $quantity) { id total }
}"""
BOOKS = [{"id": "1", "title": "Half of a Yellow Sun", "genre": "FICTION"}]
# (claimer, document, variables, response, summary)
OPERATIONS = [
    ("gabriel", BOOK_LIST, {"first": 2}, {"data": {"books": BOOKS}}, "List books for the shop"),
    ("hana", PLACE_ORDER, {"bookId": "1", "quantity": 2},
     {"data": {"placeOrder": {"id": "501", "total": 29.8}}}, "Order a book"),
]  # fmt: skip


def seed_graphql(learners: dict[str, User]) -> None:
    """Chioma's bookshop: its schema, and two operations claimed by frontend learners."""
    author = learners["chioma"]
    project = schema_services.save(author, PROJECT, SDL).project
    for claimer, document, variables, response, summary in OPERATIONS:
        draft = OperationDraft(document, json.dumps(variables), json.dumps(response), summary)
        contract = services.create_operation(project, draft, author)
        db.session.flush()
        lifecycle.move(contract.id, learners[claimer], Action.CLAIM)
