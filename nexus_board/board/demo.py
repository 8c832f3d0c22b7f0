"""Demo board: a few Project Nexus projects with contracts in every state, edits and comments.

Everything goes through the services, so the demo data obeys the same rules as real data.
"""

import json

from ..extensions import db
from ..models import User
from . import lifecycle, services
from .lookup import get_contract
from .policy import Action
from .specs import ContractDraft, ResponseDraft, draft_of

PRODUCT = {"id": 42, "name": "Trail running shoes", "price": "89.90", "currency": "USD"}
PAGE = {"count": 1, "next": None, "previous": None, "results": [PRODUCT]}
POST = {"id": 7, "author": {"username": "ada"}, "body": "Shipped the feed!", "likes": 3}
MOVIE = {"id": 550, "title": "Fight Club", "rating": 8.4, "genres": ["Drama"]}
ERROR = {"detail": "Not found."}

# (author, project, method, path, summary, tags, request, {status: example}, auth, claimer, moves)
CONTRACTS = [
    ("ada", "E-commerce API", "GET", "/api/v1/products", "List products, newest first, "
     "paginated", "products, catalog", None, {200: PAGE}, False, "gabriel", ["start", "finish"]),
    ("ada", "E-commerce API", "GET", "/api/v1/products/{id}", "Get one product",
     "products", None, {200: PRODUCT, 404: ERROR}, False, "hana", ["start"]),
    ("ada", "E-commerce API", "POST", "/api/v1/orders", "Place an order from the cart",
     "orders, checkout", {"items": [{"product_id": 42, "quantity": 2}]},
     {201: {"id": 1001, "status": "pending", "total": "179.80"}, 400: ERROR}, True, "ibrahim", []),
    ("brian", "E-commerce API", "POST", "/api/v1/auth/token", "Sign in and get a JWT pair",
     "auth", {"username": "ada", "password": "…"},
     {200: {"access": "eyJ…", "refresh": "eyJ…"}, 401: ERROR}, False, None, []),
    ("chioma", "Social Media Feed", "GET", "/api/feed", "The signed-in user's feed",
     "feed, graphql", None, {200: {"results": [POST], "next_cursor": "abc"}}, True, "joy",
     ["start"]),
    ("chioma", "Social Media Feed", "POST", "/api/posts/{post_id}/likes", "Like a post",
     "feed, likes", {}, {201: {"likes": 4}, 404: ERROR}, True, None, []),
    ("dawit", "Movie Recommendation API", "GET", "/api/movies/trending", "Trending movies "
     "this week (cached in Redis)", "movies, caching", None, {200: {"results": [MOVIE]}},
     False, "kofi", ["start", "finish"]),
    ("dawit", "Movie Recommendation API", "POST", "/api/users/me/favorites",
     "Save a favorite movie", "movies, favorites", {"movie_id": 550},
     {201: {"movie_id": 550, "saved": True}}, True, "lina", []),
    ("esi", "Job Board Platform", "GET", "/api/jobs", "Search jobs by title, location and "
     "category", "jobs, search", None, {200: {"results": [{"id": 3, "title": "Backend "
     "intern", "location": "Remote"}]}}, False, None, []),
    ("farah", "Job Board Platform", "PATCH", "/api/applications/{id}", "Update an "
     "application's status (admins)", "jobs, admin", {"status": "shortlisted"},
     {200: {"id": 9, "status": "shortlisted"}, 403: ERROR}, True, None, []),
]  # fmt: skip

DESCRIPTIONS = {
    1: "Query parameters:\n\n- `page` (default 1)\n- `category` — a category slug\n\n"
    "Ordered by `-created_at`. Served from the Redis cache for 60 s.",
    3: "The cart is read from the signed-in user. **Idempotent** with an `Idempotency-Key` "
    "header: a retry returns the first order.",
}

COMMENTS = [
    (1, "gabriel", "Is `next` a full URL or a page number? React Query needs to know."),
    (1, "ada", "A full URL, like DRF's `PageNumberPagination`. Added it to the example."),
    (2, "hana", "Could the 404 body match the other endpoints (`detail`)?"),
    (3, "ibrahim", 'Which currency format: string `"179.80"` or a number?'),
    (5, "joy", "Using the mock for the infinite scroll now. 🎉"),
]


def seed_board(learners: dict[str, User]) -> None:
    """Post the demo contracts, claim and move some, edit one, and start a few threads."""
    ids = []
    for (author, project, method, path, summary, tags, request, replies, auth, claimer,
         moves) in CONTRACTS:  # fmt: skip
        draft = ContractDraft(
            project=project,
            method=method,
            path=path,
            summary=summary,
            description=DESCRIPTIONS.get(len(ids) + 1, ""),
            auth_required=auth,
            request_example="" if request is None else json.dumps(request),
            tags=tags,
            responses=[ResponseDraft(code, "", json.dumps(body)) for code, body in replies.items()],
        )
        contract = services.create_contract(draft, learners[author])
        db.session.flush()
        ids.append(contract.id)
        if claimer:
            lifecycle.claim(contract.id, learners[claimer])
            for action in moves:
                lifecycle.move(contract.id, learners[claimer], Action(action))
    lifecycle.implement(ids[0], learners["ada"])
    lifecycle.implement(ids[6], learners["dawit"])
    _breaking_edit(ids[1], learners["ada"])
    _mock_rules(ids[1], learners["ada"])
    for number, username, body in COMMENTS:
        services.add_comment(get_contract(ids[number - 1]), learners[username], body)


def _mock_rules(contract_id: int, author: User) -> None:
    """`GET /api/v1/products/0` answers the 404's "missing" example on the mock."""
    contract = get_contract(contract_id, full=True)
    draft = draft_of(contract)
    draft.responses[1].examples = json.dumps({"missing": {"detail": "Product 0 never exists."}})
    rule = {"in": "path", "name": "id", "equals": "0", "status": 404, "example": "missing"}
    draft.dispatch = json.dumps([rule])
    services.update_contract(contract, draft, author, expected_version=contract.version)


def _breaking_edit(contract_id: int, author: User) -> None:
    """Rename a key hana's frontend reads, so the demo shows a breaking change to acknowledge."""
    contract = get_contract(contract_id, full=True)
    draft = draft_of(contract)
    product = dict(PRODUCT, unit_price=PRODUCT["price"])
    del product["price"]
    draft.responses[0].example = json.dumps(product)
    services.update_contract(contract, draft, author, expected_version=contract.version)
