"""The hub shows the real board: counts by status, recent contracts, a learner's own work."""

from nexus_board.board import services
from nexus_board.extensions import db
from nexus_board.models import Contract, User

from ..board.factories import draft, post
from .charts import chart_rows
from .test_slots import CONTRACT_FORM


def test_public_hub_counts_contracts_by_status_and_lists_recent_ones(app, client, cast):
    ids = cast
    with app.app_context():
        post(ids["ada"], path="/api/v1/orders")
        post(ids["ada"], path="/api/v1/carts", state="in_progress", claimer_id=ids["gabriel"])
    page = client.get("/").get_data(as_text=True)
    assert chart_rows(page, "Contracts by status") == [
        ("Open", "1"), ("Claimed", "0"), ("In progress", "1"), ("Done", "0")
    ]  # fmt: skip
    assert '<a href="/board#heading-in_progress">In progress</a>' in page
    assert "GET /api/v1/carts" in page and "claimed by Gabriel Nunes" in page


def test_cached_hub_shows_a_new_contract_right_after_it_is_posted(client, client_as, cast):
    assert "GET /api/v1/invoices" not in client.get("/").get_data(as_text=True)
    form = CONTRACT_FORM | {"path": "/api/v1/invoices"}
    assert client_as("ada").post("/contracts/new", data=form).status_code == 303
    assert "GET /api/v1/invoices" in client.get("/").get_data(as_text=True)


def test_cached_hub_shows_a_new_contract_posted_through_the_api(app, client, cast):
    from ..contracts_as_code import bearer, make_token

    client.get("/")
    body = {"project": "Shop", "method": "GET", "path": "/api/v1/refunds", "summary": "Refunds",
            "responses": [{"status_code": 200, "example": {}}]}  # fmt: skip
    headers = bearer(make_token(app, cast["ada"]))
    assert client.post("/api/v1/contracts", json=body, headers=headers).status_code == 201
    assert "GET /api/v1/refunds" in client.get("/").get_data(as_text=True)


def test_dashboard_shows_claims_and_what_others_changed(app, client_as, cast):
    ids = cast
    with app.app_context():
        contract_id = post(
            ids["ada"], path="/api/v1/users/{id}", state="claimed", claimer_id=ids["gabriel"]
        )
    gabriel = client_as("gabriel")
    page = gabriel.get("/").get_data(as_text=True)
    assert "Your claims" in page and "GET /api/v1/users/{id}" in page

    with app.app_context():  # ada changes the path: a breaking edit gabriel should hear about
        contract = db.session.get(Contract, contract_id)
        services.update_contract(
            contract,
            draft(path="/api/v2/users/{id}"),
            db.session.get(User, ids["ada"]),
            expected_version=contract.version,
        )
        db.session.commit()  # the service's commit is what retires the cached hub
    page = gabriel.get("/").get_data(as_text=True)
    changes = page.split("Changes since you last looked")[1].split("</section>")[0]
    assert "breaking change: path" in changes and "Ada Okafor" in changes
    page = gabriel.get("/").get_data(as_text=True)  # looked: nothing new since
    assert "Nothing changed on your contracts." in page


def test_dashboard_tells_the_author_their_contract_was_claimed(app, client_as, cast):
    with app.app_context():
        post(cast["ada"], path="/api/v1/payments")
    ada = client_as("ada")
    ada.get("/")  # first look
    gabriel = client_as("gabriel")
    with app.app_context():
        contract_id = db.session.scalar(db.select(Contract.id))
    assert gabriel.post(f"/contracts/{contract_id}/claim").status_code in (200, 303)
    changes = ada.get("/").get_data(as_text=True).split("Changes since you last looked")[1]
    assert "moved to Claimed" in changes.split("</section>")[0]


def test_hub_query_count_does_not_grow_with_the_board(app, client_as, cast, count_queries):
    ids = cast
    ada = client_as("ada")
    ada.get("/")  # the cohort's numbers are cached from here on: only the board changes below

    def statements():
        with count_queries() as queries:
            assert ada.get("/").status_code == 200
        return len(queries)

    with app.app_context():
        post(ids["ada"], path="/api/v1/a", state="claimed", claimer_id=ids["gabriel"])
    few = statements()
    with app.app_context():
        for i in range(15):
            post(ids["ada"], path=f"/api/v1/b{i}", state="claimed", claimer_id=ids["gabriel"])
    assert statements() == few


def test_public_hub_lists_the_most_learned_technologies(app, client, make_user):
    from nexus_board.profiles import services as profiles

    learned = {make_user("ada"): ["Django", "Docker"], make_user("brian"): ["django", "Redis"]}
    with app.app_context():
        for user_id, techs in learned.items():
            user = db.session.get(User, user_id)
            for tech in techs:
                profiles.add_learning(user, kind="technology", name=tech)
        db.session.commit()
    page = client.get("/").get_data(as_text=True)
    assert chart_rows(page, "Most learned technologies") == [
        ("Django", "2"), ("Docker", "1"), ("Redis", "1")
    ]  # fmt: skip
    assert '<a href="/learners?q=Django">Django</a>' in page


def test_public_hub_shows_what_each_learner_learned(app, client, make_user):
    from nexus_board.profiles import services as profiles

    ada = make_user("ada", display_name="Ada Okafor")
    with app.app_context():
        profiles.add_learning(db.session.get(User, ada), kind="technology", name="GraphQL")
        db.session.commit()
    page = client.get("/").get_data(as_text=True)
    assert '<a href="/u/ada">Ada Okafor</a> <span class="muted">GraphQL</span>' in page
