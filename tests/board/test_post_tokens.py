"""The post form sent twice (a double click) posts one contract, and both sends answer with it."""

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from nexus_board.auth import services as accounts
from nexus_board.board import post_tokens, services
from nexus_board.extensions import db
from nexus_board.models import Activity, Contract, User

from ..conftest import PASSWORD
from .factories import draft
from .test_contract_pages import form

TOKEN = "A" * post_tokens.TOKEN_CHARS


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_the_same_form_sent_again_returns_its_contract_and_writes_nothing(app, cast, user):
    with app.app_context():
        first = services.create_contract(draft(), user(cast["ada"]), post_token=TOKEN)
        db.session.commit()
        again = services.create_contract(draft(), user(cast["ada"]), post_token=TOKEN)
        db.session.commit()
        assert again.id == first.id
        assert (count(Contract), count(Activity), again.version) == (1, 1, 1)


@pytest.mark.parametrize(
    ("who", "token"),
    [("brian", TOKEN), ("ada", None), ("ada", "B" * post_tokens.TOKEN_CHARS)],
    ids=["another author", "no token", "another form"],
)
def test_another_post_of_the_endpoint_is_still_a_duplicate(app, cast, user, who, token):
    with app.app_context():
        services.create_contract(draft(), user(cast["ada"]), post_token=TOKEN)
        db.session.commit()
        with pytest.raises(services.Duplicate):
            services.create_contract(draft(), user(cast[who]), post_token=token)


def test_one_form_sent_again_for_another_endpoint_posts_that_one(app, cast, user):
    # Back to the form after posting, another path typed in: a second contract.
    with app.app_context():
        first = services.create_contract(draft(), user(cast["ada"]), post_token=TOKEN)
        db.session.commit()
        other = services.create_contract(draft(path="/x"), user(cast["ada"]), post_token=TOKEN)
        db.session.commit()
        assert other.id != first.id and count(Contract) == 2


def drawn_token(client) -> str:
    page = client.get("/contracts/new").get_data(as_text=True)
    return re.search(r'name="post_token" type="hidden" value="([^"]+)"', page).group(1)


def double_post(client, **fields) -> list:
    return [client.post("/contracts/new", data=form(**fields)) for _ in range(2)]


def test_two_posts_of_one_drawn_form_both_answer_303_to_one_contract(client, auth, app, cast):
    auth.sign_in("ada")
    token = drawn_token(client)
    assert post_tokens.parse(token) == token and token != drawn_token(client)  # one per form
    answers = double_post(client, post_token=token)
    assert [a.status_code for a in answers] == [303, 303]
    with app.app_context():
        contract = db.session.scalar(select(Contract))
        assert (count(Contract), contract.post_token) == (1, token)
    assert {a.headers["Location"] for a in answers} == {f"/contracts/{contract.id}"}
    page = client.get(f"/contracts/{contract.id}").get_data(as_text=True)
    assert page.count("Posted POST /api/v1/orders. Frontend learners can claim it now.") == 2


@pytest.mark.parametrize(
    "token",
    ["", "short", "A" * 21 + "<", "A" * 23, "Ā" * 22, "<script>alert(1)</script>", "A" * 10_000],
)
def test_a_missing_or_bad_token_posts_as_before(client, auth, app, cast, token):
    auth.sign_in("ada")
    first, second = double_post(client, post_token=token)
    assert (first.status_code, second.status_code) == (303, 409)
    assert "E-commerce API already has POST /api/v1/orders." in second.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalars(select(Contract.post_token)).all() == [None]


def race(app, author_id: int, senders: int = 4) -> list[int]:
    """The same form sent at the same moment from `senders` threads; each one's contract id."""
    start = threading.Barrier(senders)

    def send(_):
        with app.app_context():
            start.wait()
            try:
                author = db.session.get(User, author_id)
                contract = services.create_contract(draft(), author, post_token=TOKEN)
                db.session.commit()
                return contract.id
            finally:
                db.session.remove()

    with ThreadPoolExecutor(max_workers=senders) as pool:
        return list(pool.map(send, range(senders)))


def check_one_contract(app, ids):
    with app.app_context():
        assert (len(set(ids)), count(Contract), count(Activity)) == (1, 1, 1)


def test_sends_at_the_same_moment_on_sqlite_make_one_contract(app, cast):
    with app.app_context():
        assert db.engine.url.database.endswith(".sqlite3")  # a file, shared by the threads
    check_one_contract(app, race(app, cast["ada"]))


@pytest.mark.services
def test_double_posts_on_postgresql_make_one_contract(make_app, postgres_database):
    app = make_app(SQLALCHEMY_DATABASE_URI=postgres_database)
    with app.app_context():
        ada = accounts.register(username="ada", display_name="Ada", password=PASSWORD,
                                track="backend").id  # fmt: skip
        db.session.commit()
    check_one_contract(app, race(app, ada))
    client = app.test_client()
    client.post("/sign-in", data={"login": "ada", "password": PASSWORD})
    answers = double_post(client, post_token=drawn_token(client))
    assert [a.status_code for a in answers] == [303, 303]
    assert answers[0].headers["Location"] == answers[1].headers["Location"]
