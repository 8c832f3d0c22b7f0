"""The feed over HTTP: order, filters, cursor pages, infinite scroll, pinned announcements."""

import re
from datetime import UTC, datetime, timedelta

import pytest

from .conftest import item_ids, older_link

HTMX = {"HX-Request": "true"}
START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def test_feed_lists_updates_newest_first_with_tag_mention_and_author_links(
    client, cast, make_update
):
    first = make_update(cast["ada"], "Started on #drf", created_at=START)
    second = make_update(
        cast["gabriel"], "Using @ada's endpoint with @nobody", created_at=START + timedelta(1)
    )
    response = client.get("/updates")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert item_ids(page) == [second, first]
    assert 'href="/updates?tag=drf"' in page and 'href="/u/ada"' in page
    assert "@nobody" in page and 'href="/u/nobody"' not in page
    assert f'href="/updates/{first}"' in page and ">Gabriel Nunes</a>" in page
    assert "Sign in</a> to post an update" in page
    assert "csrf_token" not in page and 'id="composer"' not in page


def test_empty_feed_says_so(client):
    assert "No updates yet." in client.get("/updates").get_data(as_text=True)


def test_cursor_pages_have_no_duplicates_or_gaps_while_new_updates_arrive(
    client, cast, make_update, client_as
):
    # 45 updates, with runs of equal timestamps: the id must break ties.
    existing = [
        make_update(cast["ada"], f"Update {n}", created_at=START + timedelta(minutes=n // 3))
        for n in range(45)
    ]
    writer = client_as("gabriel")
    page = client.get("/updates").get_data(as_text=True)
    seen = item_ids(page)
    next_url = older_link(page)
    while next_url:
        assert writer.post("/updates", data={"body": "Something new"}).status_code == 303
        fragment = client.get(next_url, headers=HTMX).get_data(as_text=True)
        assert "<html" not in fragment
        seen += item_ids(fragment)
        next_url = older_link(fragment)
    assert seen == sorted(existing, reverse=True)  # every one, once, newest first
    assert "You have reached the first update." in fragment


def test_scrolling_sentinel_loads_the_next_page_when_revealed(client, cast, make_update):
    for n in range(25):
        make_update(cast["ada"], f"Update {n}", created_at=START + timedelta(minutes=n))
    page = client.get("/updates").get_data(as_text=True)
    assert len(item_ids(page)) == 20
    assert 'hx-trigger="revealed" hx-swap="outerHTML"' in page
    fragment = client.get(older_link(page), headers=HTMX)
    assert fragment.status_code == 200 and "HX-Request" in fragment.headers["Vary"]
    assert len(item_ids(fragment.get_data(as_text=True))) == 5
    plain = client.get(older_link(page))  # without JS the same link is a full page
    assert "<html" in plain.get_data(as_text=True)


def test_a_made_up_cursor_is_a_400(client):
    response = client.get("/updates?before=not-a-cursor", headers=HTMX)
    assert response.status_code == 400
    assert "broken or out of date" in response.get_data(as_text=True)


def test_filters_by_tag_and_learner(client, cast, make_update):
    drf = make_update(cast["ada"], "Paging in #DRF")
    make_update(cast["ada"], "Docker day #docker")
    gabriel_drf = make_update(cast["gabriel"], "Consuming #drf pages")
    assert item_ids(client.get("/updates?tag=drf").get_data(as_text=True)) == [gabriel_drf, drf]
    assert item_ids(client.get("/updates?tag=%23DRF&learner=ada").get_data(as_text=True)) == [drf]
    page = client.get("/updates?learner=gabriel").get_data(as_text=True)
    assert item_ids(page) == [gabriel_drf] and "Updates by Gabriel Nunes" in page
    empty = client.get("/updates?tag=kotlin").get_data(as_text=True)
    assert "No updates match these filters." in empty


def test_filter_change_by_htmx_answers_the_feed_section(client, cast, make_update):
    make_update(cast["ada"], "Paging in #drf")
    response = client.get("/updates?tag=drf", headers=HTMX)
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body
    assert body.lstrip().startswith('<section id="feed"') and "Updates tagged #drf" in body
    assert "HX-Request" in response.headers["Vary"]


def test_bad_filters_are_explained(client, cast):
    bad_tag = client.get("/updates?tag=no%20spaces!")
    assert bad_tag.status_code == 400
    assert 'id="tag-error"' in bad_tag.get_data(as_text=True)
    unknown = client.get("/updates?learner=nobody")
    assert unknown.status_code == 404 and "nobody" in unknown.get_data(as_text=True)
    not_a_name = client.get("/updates?learner=no%20spaces!")
    assert not_a_name.status_code == 400
    assert 'id="learner-error"' in not_a_name.get_data(as_text=True)


def test_the_learner_filter_is_a_field_to_type_not_a_list_of_everyone(client, cast):
    page = client.get("/updates?learner=ada").get_data(as_text=True)
    assert 'name="learner"' in page and 'value="ada"' in page
    assert re.search(r'<input [^>]*id="learner"[^>]*type="text"', page)
    assert "Brian Mwangi" not in page and 'option value="brian"' not in page


def test_pinned_announcements_head_the_first_page_once_until_unpinned(cast, make_update, client_as):
    older = make_update(cast["ada"], "Older", created_at=START)
    pinned = make_update(
        cast["mentor"], "Demo day Friday", announcement=True, created_at=START + timedelta(1)
    )
    newer = make_update(cast["ada"], "Newer", created_at=START + timedelta(2))
    mentor = client_as("mentor")
    page = mentor.get("/updates").get_data(as_text=True)
    assert item_ids(page) == [pinned, newer, older]
    assert page.index('id="pinned-list"') < page.index('id="feed-items"')
    assert item_ids(mentor.get("/updates?learner=mentor").get_data(as_text=True)) == [pinned]

    response = mentor.post(f"/updates/{pinned}/unpin", headers=HTMX)
    assert response.status_code == 200 and "Unpinned." in response.get_data(as_text=True)
    page = mentor.get("/updates").get_data(as_text=True)
    assert item_ids(page) == [newer, pinned, older] and 'id="pinned-list"' not in page


def test_single_update_page_and_missing_update(client, cast, make_update):
    update = make_update(cast["ada"], "Just one #drf")
    page = client.get(f"/updates/{update}").get_data(as_text=True)
    assert "Update by Ada Okafor" in page and item_ids(page) == [update]
    assert client.get("/updates/999").status_code == 404


def test_feed_queries_do_not_grow_with_the_number_of_updates(
    cast, make_update, client_as, count_queries
):
    reader = client_as("gabriel")  # signed in: the page is built, not read from the cache

    def statements_for_feed():
        with count_queries() as statements:
            assert reader.get("/updates").status_code == 200
        return len(statements)

    make_update(cast["ada"], "One @gabriel #drf")
    statements_for_feed()  # the side column's cohort charts are cached from the first look
    make_update(cast["mentor"], "Two @gabriel #drf")  # as below: a mention, so a new badge count
    few = statements_for_feed()
    for n in range(19):
        make_update(cast["ada" if n % 2 else "mentor"], f"More @gabriel #drf #t{n}")
    assert statements_for_feed() == few


@pytest.mark.parametrize("path", ["/updates", "/updates?tag=drf", "/updates/news"])
def test_feed_urls_vary_on_hx_request(client, path):
    assert "HX-Request" in client.get(path).headers["Vary"]


def test_a_kept_update_shows_every_change_to_what_it_shows(app, client, cast, make_update):
    """Each update's HTML is kept per process under what it shows: a new reply, an answer, a
    pin, a new name must each show on the next view."""
    from nexus_board.auth.services import update_settings
    from nexus_board.extensions import db
    from nexus_board.models import Update, User
    from nexus_board.replies.services import accept, add_reply
    from nexus_board.updates.services import set_pinned

    question = make_update(cast["ada"], "How do I page a DRF list?", question=True)
    announcement = make_update(cast["mentor"], "Demo day on Friday", announcement=True)

    def item(update_id: int) -> str:
        page = client.get("/updates").get_data(as_text=True)
        return re.search(rf'<li class="update[^"]*" id="update-{update_id}".*?</li>', page, re.S)[0]

    assert "No replies yet · Unanswered" in item(question) and "Pinned" in item(announcement)
    with app.app_context():
        asked, gabriel = db.session.get(Update, question), db.session.get(User, cast["gabriel"])
        reply = add_reply(asked, gabriel, "Use a cursor paginator.")
        db.session.commit()
    assert "1 reply · Unanswered" in item(question)
    with app.app_context():
        accept(db.session.merge(reply), db.session.get(User, cast["ada"]))
        db.session.commit()
    assert "1 reply · Answered" in item(question)
    with app.app_context():
        mentor = db.session.get(User, cast["mentor"])
        set_pinned(db.session.get(Update, announcement), False, mentor)
        update_settings(mentor, display_name="Mona the Mentor", track=mentor.track, email=None)
        db.session.commit()
    shown = item(announcement)
    assert "Pinned" not in shown and ">Mona the Mentor</a>" in shown
