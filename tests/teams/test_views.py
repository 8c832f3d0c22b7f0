"""A project's page over HTTP: members, contracts, links, joining, the working agreement."""

from sqlalchemy import select

from nexus_board.extensions import db
from nexus_board.models import Project

from ..board.factories import post

HTMX = {"HX-Request": "true"}
URL = "/projects/e-commerce-api"


def test_the_page_shows_members_contracts_and_links(app, cast):
    with app.app_context():
        post(cast["ada"], state="claimed", claimer_id=cast["gabriel"])
    page = app.test_client().get(URL).get_data(as_text=True)
    assert "Ada Okafor" in page and "Gabriel Nunes" in page
    assert "GET /api/v1/products/{id}" in page
    for link in ("/projects/e-commerce-api/api", "/projects/e-commerce-api/openapi.json",
                 "/mock/e-commerce-api/"):  # fmt: skip
        assert f'href="{link}' in page
    assert "No working agreement yet." in page and "to join this project" in page
    assert app.test_client().get("/projects/nothing-here").status_code == 404


def test_a_member_sets_looking_for_a_partner_and_the_hub_and_directory_list_it(
    app, cast, client_as
):
    with app.app_context():
        post(cast["ada"])
    ada = client_as("ada")
    bad = ada.post(f"{URL}/details", data={"repository_url": "http://x", "looking_for": ""},
                   headers=HTMX)  # fmt: skip
    assert bad.status_code == 422 and 'id="repository_url-error"' in bad.get_data(as_text=True)
    saved = ada.post(f"{URL}/details", data={"description": "A *shop*", "looking_for": "frontend",
                                             "repository_url": ""}, headers=HTMX)  # fmt: skip
    assert saved.status_code == 200 and "<em>shop</em>" in saved.get_data(as_text=True)
    hub = app.test_client().get("/").get_data(as_text=True)
    assert "needs a frontend partner" in hub and f'href="{URL}"' in hub
    directory = app.test_client().get("/learners").get_data(as_text=True)
    assert "E-commerce API</a> needs a frontend partner" in directory
    assert 'href="/learners?track=frontend"' in directory


def test_joining_and_being_accepted(app, cast, client_as):
    with app.app_context():
        post(cast["ada"])
    hana = client_as("hana")
    asked = hana.post(f"{URL}/join", headers=HTMX)
    assert asked.status_code == 200 and "a member will accept you" in asked.get_data(as_text=True)
    assert hana.post(f"{URL}/join").status_code == 409
    ada = client_as("ada")
    page = ada.get(URL).get_data(as_text=True)
    assert "Asked to join" in page and "Accept<span" in page
    with app.app_context():
        hana_id = cast["hana"]
    assert client_as("brian").post(f"{URL}/members/{hana_id}/accept").status_code == 403
    accepted = ada.post(f"{URL}/members/{hana_id}/accept", headers=HTMX).get_data(as_text=True)
    assert "Hana Tesfaye" in accepted and "joined" in accepted
    profile = app.test_client().get("/u/hana").get_data(as_text=True)
    assert 'E-commerce API</a> <span class="muted">joined' in profile


def test_the_agreement_starts_from_the_template_and_keeps_its_history(app, cast, client_as):
    with app.app_context():
        post(cast["ada"])
    ada = client_as("ada")
    form = ada.get(URL).get_data(as_text=True)
    for part in ("Channel:", "Expected response time:", "Sync meetings:", "Definition of done"):
        assert part in form
    saved = ada.post(f"{URL}/agreement", data={"agreement": "Channel: #shop", "version": "0"},
                     headers=HTMX).get_data(as_text=True)  # fmt: skip
    assert "Channel: #shop" in saved and "Version 1 by Ada Okafor" in saved
    stale = ada.post(f"{URL}/agreement", data={"agreement": "Mine", "version": "0"}, headers=HTMX)
    html = stale.get_data(as_text=True)
    assert stale.status_code == 409 and "since you opened it" in html and "Mine" in html
    long = ada.post(f"{URL}/agreement", data={"agreement": "x" * 10_001, "version": "1"},
                    headers=HTMX)  # fmt: skip
    assert long.status_code == 422 and 'id="agreement-error"' in long.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Project.agreement)) == "Channel: #shop"
