"""Where the activity shows: /activity (filters, pages, Atom), the hub, each contract's page,
and a deleted contract's page, which keeps it."""

import re
from datetime import UTC, datetime, timedelta

import feedparser
from sqlalchemy import select

from nexus_board import templating
from nexus_board.board import lifecycle
from nexus_board.extensions import db
from nexus_board.limits import ACTIVITY_PAGE, CONTRACT_ACTIVITY
from nexus_board.models import Activity, User
from nexus_board.templating import relative_time

from ..board.factories import post

HTMX = {"HX-Request": "true"}


def board(app, cast) -> tuple[int, int]:
    """ada posts two contracts in two projects; gabriel claims the first and starts it."""
    with app.app_context():
        shop = post(cast["ada"], state="in_progress", claimer_id=cast["gabriel"], path="/shop")
        blog = post(cast["brian"], project="Blog API", path="/posts")
        return shop, blog


def test_activity_lists_every_event_newest_first_from_to(app, cast, client):
    shop, _ = board(app, cast)
    page = client.get("/activity").get_data(as_text=True)
    lines = re.findall(r'class="activity-line">\s*<a[^>]*>[^<]*</a>\s*(\w+)', page)
    assert lines == ["posted", "moved", "claimed", "posted"]  # brian posted last
    assert "from Claimed to In progress" in page
    assert f'href="/contracts/{shop}"' in page and 'href="/u/gabriel"' in page


def test_filters_by_project_learner_and_kind_live_in_the_url(app, cast, client):
    board(app, cast)
    blog = client.get("/activity?project=blog-api").get_data(as_text=True)
    assert "/posts" in blog and "/shop" not in blog
    claims = client.get("/activity?kind=contract.claimed&learner=Gabriel").get_data(as_text=True)
    assert claims.count('class="activity-item') == 1 and "claimed" in claims
    assert 'value="contract.claimed" selected' in claims and 'value="Gabriel"' in claims
    fragment = client.get("/activity?learner=brian", headers=HTMX).get_data(as_text=True)
    assert "<html" not in fragment and fragment.count('class="activity-item') == 1


def test_a_filter_naming_nothing_is_a_400_next_to_its_field(app, cast, client):
    board(app, cast)
    for query, message in [
        ("learner=nobody", "There is no learner called “nobody”."),
        ("kind=contract.exploded", "Choose a kind from the list."),
        ("project=nope", "There is no project by that name."),
        ("contract=²", "A contract is named by its number."),
    ]:
        response = client.get(f"/activity?{query}")
        assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_older_activity_pages_on(app, cast, client, make_user):
    with app.app_context():
        for n in range(ACTIVITY_PAGE + 5):
            post(cast["ada"], path=f"/items{n}")
    page = client.get("/activity").get_data(as_text=True)
    assert page.count('class="activity-item') == ACTIVITY_PAGE and "Older activity" in page
    with app.app_context():
        oldest_shown = db.session.scalar(
            select(Activity.id).order_by(Activity.id.desc()).offset(ACTIVITY_PAGE - 1).limit(1)
        )
    rest = client.get(f"/activity?before={oldest_shown}", headers=HTMX).get_data(as_text=True)
    assert rest.count('class="activity-item') == 5 and "Older activity" not in rest


def test_visitors_see_public_events_only(app, cast, client, client_as):
    board(app, cast)
    with app.app_context():
        db.session.add(Activity(verb="contract.posted", subject_type="contract", subject="Secret",
                                public=False, detail={}))  # fmt: skip
        db.session.commit()
    assert "Secret" not in client.get("/activity").get_data(as_text=True)
    assert "Secret" not in client.get("/").get_data(as_text=True)
    assert "Secret" not in client.get("/activity.atom").get_data(as_text=True)
    assert "Secret" in client_as("hana").get("/activity").get_data(as_text=True)


def test_the_atom_feed_follows_the_filters(app, cast, client):
    board(app, cast)
    feed = feedparser.parse(client.get("/activity.atom?project=e-commerce-api").get_data())
    assert not feed.bozo and len(feed.entries) == 3
    assert feed.entries[0].title.startswith("Gabriel Nunes moved GET /shop")
    assert feed.entries[0].link.startswith("http://localhost/contracts/")
    assert client.get("/activity.atom?kind=nope").status_code == 400


def test_the_hub_shows_recent_activity_and_is_refreshed_by_new_events(app, cast, client):
    shop, _ = board(app, cast)
    page = client.get("/").get_data(as_text=True)
    assert "Recent activity" in page and "from Claimed to In progress" in page
    with app.app_context():
        lifecycle.move(shop, db.session.get(User, cast["gabriel"]), lifecycle.Action.FINISH)
        db.session.commit()
    assert "from In progress to Done" in client.get("/").get_data(as_text=True)


def test_a_contract_page_shows_its_activity_and_a_deleted_one_keeps_it(app, cast, client_as):
    shop, _ = board(app, cast)
    mentor = client_as("mentor")
    page = mentor.get(f"/contracts/{shop}").get_data(as_text=True)
    activity = page.split('id="activity-heading"')[1]
    assert "claimed" in activity and "from Claimed to In progress" in activity
    assert f"/activity?contract={shop}" in activity
    assert mentor.post(f"/contracts/{shop}/delete").status_code == 303
    gone = mentor.get(f"/contracts/{shop}")
    assert gone.status_code == 410
    kept = gone.get_data(as_text=True).split('id="activity-heading"')[1]
    assert "deleted" in kept and "claimed" in kept and "from Claimed to In progress" in kept
    everything = mentor.get(f"/activity?contract={shop}").get_data(as_text=True)
    assert everything.count('class="activity-item') == 4  # posted, claimed, moved, deleted


def test_a_deleted_update_takes_its_text_out_of_the_log(app, cast, client_as, client):
    ada = client_as("ada")
    ada.post("/updates", data={"body": "Embarrassing typo"})
    assert "Embarrassing typo" in client.get("/activity").get_data(as_text=True)
    with app.app_context():
        update_id = db.session.scalar(select(Activity.subject_id))
    ada.post(f"/updates/{update_id}/delete")
    assert "Embarrassing typo" not in client.get("/activity").get_data(as_text=True)
    assert "Embarrassing typo" not in ada.get("/activity").get_data(as_text=True)


def test_a_hidden_contracts_events_leave_the_publics_views(app, cast, client, client_as):
    from ..board.factories import broken

    with app.app_context():
        contract_id = broken(cast["ada"], path="/api/v1/secret-ish")
        lifecycle.hide(contract_id, db.session.get(User, cast["ada"]), "Examples too deep")
        db.session.commit()
    for url in ("/activity", "/", "/activity.atom"):
        assert "/api/v1/secret-ish" not in client.get(url).get_data(as_text=True)
    page = client_as("brian").get("/activity").get_data(as_text=True)
    assert "/api/v1/secret-ish" in page and "(Examples too deep)" in page


def test_a_contract_page_shows_its_newest_events_and_links_to_all_of_them(app, cast, client):
    with app.app_context():
        shop = post(cast["ada"], path="/shop")
        gabriel = db.session.get(User, cast["gabriel"])
        for _ in range(CONTRACT_ACTIVITY // 2 + 1):  # a claim and an unclaim: two events each
            lifecycle.move(shop, gabriel, lifecycle.Action.CLAIM)
            db.session.commit()
            lifecycle.move(shop, gabriel, lifecycle.Action.UNCLAIM)
            db.session.commit()
    activity = client.get(f"/contracts/{shop}").get_data(as_text=True)
    activity = activity.split('id="activity-heading"')[1]
    assert activity.count('class="activity-item') == CONTRACT_ACTIVITY
    assert f"The newest {CONTRACT_ACTIVITY} events." in activity
    assert f'href="/activity?contract={shop}">All of its activity</a>' in activity
    everything = client.get(f"/activity?contract={shop}").get_data(as_text=True)
    assert everything.count('class="activity-item') == CONTRACT_ACTIVITY + 3  # and the post


def test_an_events_kept_html_follows_its_actors_name(app, cast, client):
    from nexus_board.activity import display
    from nexus_board.auth.services import update_settings

    shop, _ = board(app, cast)
    first = client.get(f"/contracts/{shop}").get_data(as_text=True).split('id="activity-heading"')
    assert "Gabriel Nunes</a>" in first[1]
    with app.app_context():
        assert len(app.extensions[display.KEPT]._values) >= 3  # posted, claimed, moved
        gabriel = db.session.get(User, cast["gabriel"])
        update_settings(gabriel, display_name="Gabi Nunes", track="frontend", email=None)
        db.session.commit()
    renamed = client.get(f"/contracts/{shop}").get_data(as_text=True)
    assert "Gabi Nunes</a>" in renamed and "Gabriel Nunes</a>" not in renamed


def test_an_events_kept_html_is_what_the_macro_renders_at_any_age(app, cast, monkeypatch):
    from flask import get_template_attribute

    from nexus_board.activity import display

    shop, _ = board(app, cast)
    with app.test_request_context("/"):
        macro = get_template_attribute("activity/_item.html", "activity_item")
        events = db.session.scalars(select(Activity).where(Activity.contract_id == shop)).all()
        for event in events:
            assert display.event_html(event) == macro(event, "li")
            assert display.event_html(event) == macro(event, "li")  # the kept copy too
        later = datetime.now(UTC) + timedelta(hours=3)
        aging = lambda moment, now=None: relative_time(moment, later)  # noqa: E731
        monkeypatch.setattr(display, "relative_time", aging)
        monkeypatch.setattr(templating, "relative_time", aging)  # what the time tag says
        assert "3 hours ago" in display.event_html(events[0])
