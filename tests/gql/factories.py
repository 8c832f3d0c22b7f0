"""A small GraphQL shop for tests: two schema versions, and operations as contracts."""

import json

from nexus_board.board import lifecycle
from nexus_board.board.policy import Action
from nexus_board.extensions import db
from nexus_board.gql import schema_services, services
from nexus_board.gql.specs import OperationDraft
from nexus_board.models import Project, User

PROJECT = "Shop GraphQL"
SLUG = "shop-graphql"

SDL_V1 = """
\"\"\"The shop's catalogue.\"\"\"
type Query {
  products(first: Int = 10, category: Category): [Product!]!
  product(id: ID!): Product
  search(text: String!): [SearchResult!]!
}

type Mutation {
  placeOrder(input: OrderInput!): Order!
}

enum Category { BOOKS FOOD TOYS }

interface Node { id: ID! }

type Product implements Node {
  id: ID!
  name: String!
  price: Float
  category: Category!
  tags: [String!]!
}

type Shop implements Node { id: ID! title: String! }

union SearchResult = Product | Shop

input OrderInput { productId: ID!, quantity: Int! }

type Order { id: ID!, total: Float!, lines: [Product!]! }
"""

# Version 2: Product.name is gone, price is deprecated (for cost), a category was added.
SDL_V2 = (
    SDL_V1.replace("  name: String!\n", "")
    .replace("  price: Float\n", '  price: Float @deprecated(reason: "Use cost.")\n  cost: Int\n')
    .replace("enum Category { BOOKS FOOD TOYS }", "enum Category { BOOKS FOOD TOYS GAMES }")
)

PRODUCT_LIST = "query ProductList($first: Int) {\n  products(first: $first) { id name }\n}"
PRODUCT_LIST_EXAMPLE = {"data": {"products": [{"id": "1", "name": "Shoe"}]}}
PRODUCT_PRICES = "query ProductPrices {\n  products { id price category }\n}"
PRODUCT_PRICES_EXAMPLE = {"data": {"products": [{"id": "1", "price": 9.5, "category": "FOOD"}]}}
PLACE_ORDER = (
    "mutation PlaceOrder($input: OrderInput!) {\n  placeOrder(input: $input) { id total }\n}"
)
PLACE_ORDER_EXAMPLE = {"data": {"placeOrder": {"id": "7", "total": 19.0}}}


def upload(user_id: int, sdl: str = SDL_V1, project: str = PROJECT):
    row = schema_services.save(db.session.get(User, user_id), project, sdl)
    db.session.commit()
    return row


def draft(**fields) -> OperationDraft:
    values = {
        "document": PRODUCT_LIST,
        "variables_example": json.dumps({"first": 2}),
        "response_example": json.dumps(PRODUCT_LIST_EXAMPLE),
        "summary": "List products",
        "tags": "catalog",
    }
    values.update(fields)
    return OperationDraft(**values)


def post(author_id: int, *, claimer_id: int | None = None, **fields) -> int:
    """Post an operation (ProductList unless told) in the shop; claimed by `claimer_id`."""
    project = db.session.query(Project).filter_by(slug=SLUG).one()
    contract = services.create_operation(project, draft(**fields), db.session.get(User, author_id))
    db.session.commit()
    if claimer_id is not None:
        lifecycle.move(contract.id, db.session.get(User, claimer_id), Action.CLAIM)
        db.session.commit()
    return contract.id


def prices(**fields) -> dict:
    return {
        "document": PRODUCT_PRICES,
        "variables_example": "",
        "response_example": json.dumps(PRODUCT_PRICES_EXAMPLE),
        "summary": "Prices",
        **fields,
    }
