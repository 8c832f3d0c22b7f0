"""The hub's slots for the board and profiles areas render the shapes they are given.

Filling a slot in means returning these shapes from real models; these tests keep the templates
honest, and show that a write through any area's view retires the cached hub.
"""

from datetime import UTC, datetime, timedelta

import pytest

from nexus_board.hub import charts, slots
from nexus_board.hub.charts import Chart, Point
from nexus_board.hub.slots import Change, ContractCard, LearnerWork

from .charts import chart_rows

CONTRACT_FORM = {
    "project": "E-commerce API",
    "method": "GET",
    "path": "/api/v1/carts",
    "summary": "The cart",
    "responses-0-status_code": "200",
    "responses-0-example": "{}",
}
CARD = ContractCard(
    title="GET /api/projects",
    status="Claimed",
    url="/board/contracts/1",
    owner="Ada Okafor",
    claimer="Gabriel Nunes",
    updated_at=datetime.now(UTC) - timedelta(hours=2),
)


def statuses(**counts) -> Chart:
    points = tuple(
        Point(label, n, key=label.lower(), url=f"/board#{label}") for label, n in counts.items()
    )
    return Chart("statuses", "Contracts by status", "stack", points, ("contract", "contracts"),
                 ("Status", "Contracts"))  # fmt: skip


def test_charts_render_the_data_they_are_given(client, monkeypatch):
    counted = statuses(Open=4, Claimed=2, Done=0)
    monkeypatch.setattr(charts, "contracts_by_status", lambda *_: counted)
    learned = Chart("technologies", "Most learned technologies", "bars", (Point("Django", 5),),
                    ("learner", "learners"), ("Technology", "Learners"))  # fmt: skip
    monkeypatch.setattr(charts, "most_learned", lambda kind, limit=8, found=None: learned)
    page = client.get("/").get_data(as_text=True)
    assert chart_rows(page, "Contracts by status") == [
        ("Open", "4"),
        ("Claimed", "2"),
        ("Done", "0"),
    ]
    assert '<a href="/board#Open">Open</a>' in page
    assert chart_rows(page, "Most learned technologies") == [("Django", "5")]
    assert "Most learned technologies: Django: 5 learners." in page  # what screen readers hear


def test_board_summary_renders_read_only_cards(client, monkeypatch):
    monkeypatch.setattr(slots, "board_summary", lambda limit=6: [CARD])
    page = client.get("/").get_data(as_text=True)
    assert "On the contract board" in page
    assert '<a href="/board/contracts/1">GET /api/projects</a>' in page
    assert "Posted by Ada Okafor · claimed by Gabriel Nunes" in page
    assert "<form" not in page.split("On the contract board")[1]


def test_an_empty_board_summary_says_so(client, monkeypatch):
    monkeypatch.setattr(slots, "board_summary", lambda limit=6: [])
    assert "No contracts on the board yet." in client.get("/").get_data(as_text=True)


def test_a_board_write_invalidates_the_cached_hub(client, client_as, cast, monkeypatch):
    monkeypatch.setattr(charts, "contracts_by_status", lambda *_: statuses(Open=1))
    assert chart_rows(client.get("/").get_data(as_text=True), "Contracts by status") == [
        ("Open", "1")
    ]
    monkeypatch.setattr(charts, "contracts_by_status", lambda *_: statuses(Open=2))
    cached = client.get("/").get_data(as_text=True)
    assert chart_rows(cached, "Contracts by status") == [("Open", "1")]
    posted = client_as("ada").post("/contracts/new", data=CONTRACT_FORM)
    assert posted.status_code == 303
    assert chart_rows(client.get("/").get_data(as_text=True), "Contracts by status") == [
        ("Open", "2")
    ]


WRITES = {  # a write through its view, by the area the hub shows from it
    "profiles": ("/u/ada/technologies", {"new-technologies-name": "Celery"}),
    "updates": ("/updates", {"body": "Shipped the orders endpoint"}),
}


@pytest.mark.parametrize("area", WRITES)
def test_profile_and_update_writes_invalidate_the_cached_hub_too(
    client, client_as, cast, monkeypatch, area
):
    monkeypatch.setattr(slots, "board_summary", lambda limit=6: [CARD])
    client.get("/")
    renamed = ContractCard(**{**CARD.__dict__, "title": "GET /api/celery"})
    monkeypatch.setattr(slots, "board_summary", lambda limit=6: [renamed])
    assert "GET /api/celery" not in client.get("/").get_data(as_text=True)  # cached
    url, data = WRITES[area]
    assert client_as("ada").post(url, data=data).status_code in (200, 303)
    assert "GET /api/celery" in client.get("/").get_data(as_text=True)


def test_dashboard_shows_claims_contracts_and_changes_since_the_last_look(
    client_as, make_user, monkeypatch
):
    seen = []

    def work(user, since, contracts):
        seen.append((user.username, since))
        change = Change(
            contract="GET /api/projects",
            summary="field `id` became a string",
            url="/board/contracts/1",
            at=datetime.now(UTC),
            by="Ada Okafor",
        )
        return LearnerWork(claims=[CARD], contracts=[], changes=[change])

    monkeypatch.setattr(slots, "learner_work", work)
    make_user("gabriel", track="frontend")
    client = client_as("gabriel")
    page = client.get("/").get_data(as_text=True)
    assert "Your claims" in page and '<a href="/board/contracts/1">GET /api/projects</a>' in page
    assert "Your contracts" not in page  # a frontend learner posts none
    assert "field `id` became a string" in page and "by Ada Okafor" in page
    client.get("/")
    assert seen[0] == ("gabriel", None)  # a first look has no "since"
    assert seen[1][0] == "gabriel" and seen[1][1] is not None
    assert seen[1][1] <= datetime.now(UTC)
