"""Every limited write answers 429 with Retry-After past its limit: a page, or for htmx the
message where notices show. Each row makes one limit tiny (RATE_LIMITS) and sends twice."""

from collections.abc import Callable
from pathlib import Path

import pytest

import nexus_board
from nexus_board.auth import services as accounts
from nexus_board.extensions import db
from nexus_board.limits import RATES
from nexus_board.models import User
from nexus_board.updates.services import post_update

from .board.factories import post
from .conftest import PASSWORD, Auth

HTMX = {"HX-Request": "true"}


def people(app) -> dict[str, int]:
    with app.app_context():
        made = {
            name: accounts.register(username=name, display_name=name.title(), password=PASSWORD,
                                    track="backend", email=f"{name}@example.com").id
            for name in ("ada", "brian")
        }  # fmt: skip
        db.session.commit()
        return made


def an_update(app, ids) -> int:
    with app.app_context():
        update = post_update(db.session.get(User, ids["ada"]), "Shipped it")
        db.session.commit()
        return update.id


def a_contract(app, ids, n: int = 0) -> int:
    with app.app_context():
        return post(ids["ada"], path=f"/api/v1/products/{n}/{{id}}")


SIGN_UP = {"display_name": "Newcomer", "password": PASSWORD, "track": "backend"}
# name in RATES: (who sends, what: app, ids, n → (path, form)); None: a visitor.
ROWS: dict[str, tuple[str | None, Callable]] = {
    "sign_in": (None, lambda app, ids, n: ("/sign-in", {"login": "ada", "password": "wrong!"})),
    "sign_up": (None, lambda app, ids, n: ("/sign-up", SIGN_UP | {"username": f"new{n}"})),
    "token": ("brian", lambda app, ids, n: ("/settings/tokens", {"name": f"CI {n}"})),
    "update": ("brian", lambda app, ids, n: ("/updates", {"body": f"Update {n}"})),
    "reply": ("brian", lambda app, ids, n: (f"/updates/{an_update(app, ids)}/replies",
                                            {"body": "Me too"})),
    "report": ("brian", lambda app, ids, n: (f"/report/update/{an_update(app, ids)}",
                                             {"reason": "spam"})),
    "comment": ("brian", lambda app, ids, n: (f"/contracts/{a_contract(app, ids, n)}/comments",
                                              {"body": "Looks good"})),
    "contract": ("ada", lambda app, ids, n: ("/contracts/new", {
        "project": "Shop", "method": "GET", "path": f"/api/v1/things/{n}", "summary": "Things",
        "responses-0-status_code": "200", "responses-0-example": "{}"})),
    "review_request": ("brian", lambda app, ids, n: ("/reviews/new", {
        "title": f"Review {n}", "link": "https://github.com/a/b/pull/1", "focus": "All",
        "tags": ""})),
}  # fmt: skip


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
@pytest.mark.parametrize("name", sorted(ROWS))
def test_each_limited_write_answers_429_with_retry_after(make_app, name, htmx):
    app = make_app(RATELIMIT_ENABLED=True, RATE_LIMITS=RATES | {name: "1 per minute"})
    ids = people(app)
    who, target = ROWS[name]
    client = app.test_client()
    if who:
        Auth(client).sign_in(who)
    headers = HTMX if htmx else {}
    path, form = target(app, ids, 1)
    first = client.post(path, data=form, headers=headers)
    assert first.status_code < 429, first.status_code
    path, form = target(app, ids, 2)
    second = client.post(path, data=form, headers=headers)
    assert second.status_code == 429
    assert int(second.headers["Retry-After"]) > 0
    html = second.get_data(as_text=True)
    assert "Too many requests" in html
    if htmx:
        assert "<html" not in html and second.headers["HX-Retarget"] == "#flash"
    else:
        assert "<html" in html


def test_the_mock_answers_429_with_retry_after_past_its_limit(make_app):
    app = make_app(RATELIMIT_ENABLED=True, MOCK_RATE_LIMIT="1 per minute")
    a_contract(app, people(app))
    client = app.test_client()
    assert client.get("/mock/e-commerce-api/api/v1/products/0/1").status_code == 200
    second = client.get("/mock/e-commerce-api/api/v1/products/0/1")
    assert second.status_code == 429 and int(second.headers["Retry-After"]) > 0
    assert second.is_json


def test_every_limit_is_named_in_one_table(app):
    """No view keeps a limit of its own: each reads RATE_LIMITS, which starts from RATES."""
    assert app.config["RATE_LIMITS"] == RATES
    package = Path(nexus_board.__file__).parent
    literal = [str(p) for p in package.rglob("*.py") if 'limiter.limit("' in p.read_text()]
    assert literal == []
