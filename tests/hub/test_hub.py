"""The public hub: what anyone sees, served from the cache, and each learner's dashboard."""

import re

HTMX = {"HX-Request": "true"}


def test_hub_shows_numbers_announcements_recent_updates_and_learners(client, cast, make_update):
    make_update(cast["ada"], "Paging with #drf and @gabriel")
    make_update(cast["mentor"], "**Demo day** is Friday", announcement=True)
    page = client.get("/").get_data(as_text=True)
    numbers = dict(re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", page))
    assert numbers == {"Backend learners": "2", "Frontend learners": "2", "Updates posted": "2"}
    assert page.index("Announcements") < page.index("<strong>Demo day</strong>")
    assert page.index("<strong>Demo day</strong>") < page.index("Recent updates")
    assert page.index("Recent updates") < page.index('href="/updates?tag=drf"')
    assert 'href="/u/ada">Ada Okafor</a>' in page and 'href="/u/gabriel">Gabriel Nunes</a>' in page
    assert 'href="/u/mentor">Grace Mentor</a></li>' not in page  # mentors are not learners
    assert 'href="/updates.atom"' in page


def test_empty_hub_has_empty_states(client):
    page = client.get("/").get_data(as_text=True)
    assert "No updates yet." in page and "No learners yet." in page
    assert "Announcements" not in page


def test_hub_never_shows_anything_private(client, cast, make_update):
    make_update(cast["ada"], "Hello @gabriel")
    for _ in range(2):  # the page built, then the page from the cache
        response = client.get("/")
        page = response.get_data(as_text=True)
        assert "@example.com" not in page and "/settings" not in page
        assert "csrf" not in page.lower() and "hx-headers" not in page
        assert "Your dashboard" not in page and "Sign out" not in page
        assert "Set-Cookie" not in response.headers


def test_second_anonymous_request_runs_no_sql_and_a_write_shows_at_once(
    client_as, app, client, cast, make_update, count_queries
):
    make_update(cast["ada"], "Before the cache")
    assert "Before the cache" in client.get("/").get_data(as_text=True)
    with count_queries() as statements:
        response = client.get("/")
    assert response.status_code == 200 and statements == []
    assert "Before the cache" in response.get_data(as_text=True)

    client_as("gabriel").post("/updates", data={"body": "Straight after #drf"})
    assert "Straight after" in client.get("/").get_data(as_text=True)
    with count_queries() as statements:
        assert "Straight after" in client.get("/").get_data(as_text=True)
    assert statements == []


def test_deleting_and_unpinning_show_on_the_hub_at_once(client_as, app, client, cast, make_update):
    update = make_update(cast["ada"], "Soon gone")
    announcement = make_update(cast["mentor"], "Pinned news", announcement=True)
    page = client.get("/").get_data(as_text=True)
    assert "Soon gone" in page and "Announcements" in page
    mentor = client_as("mentor")
    mentor.post(f"/updates/{update}/delete")
    mentor.post(f"/updates/{announcement}/unpin")
    page = client.get("/").get_data(as_text=True)
    assert "Soon gone" not in page and "Announcements" not in page and "Pinned news" in page


def test_signed_in_visit_leaves_no_trace_on_the_anonymous_page(client_as, app, client, cast):
    mentor = client_as("mentor")  # an admin: not listed among learners
    own = mentor.get("/").get_data(as_text=True)
    assert "Grace Mentor" in own and "Your dashboard" in own and "X-CSRFToken" in own
    anonymous = client.get("/")
    page = anonymous.get_data(as_text=True)
    assert "Grace Mentor" not in page and "Your dashboard" not in page
    assert "X-CSRFToken" not in page and "Sign out" not in page and "Sign in" in page
    assert "Set-Cookie" not in anonymous.headers
    # And the other way round: a cached anonymous page is never served to a signed-in person.
    assert "Your dashboard" in mentor.get("/").get_data(as_text=True)


def test_page_then_fragment_then_page_on_one_url(client, cast, make_update):
    make_update(cast["ada"], "Fragment test")
    responses = [client.get("/"), client.get("/", headers=HTMX), client.get("/")]
    full, fragment, full_again = (r.get_data(as_text=True) for r in responses)
    assert "<html" in full and full_again == full
    assert "<html" not in fragment and fragment.lstrip().startswith('<div id="hub-live"')
    assert "Fragment test" in fragment and "Learners" not in fragment
    for response in responses:
        assert response.status_code == 200
        assert {"HX-Request", "Cookie"} <= set(response.vary)


def test_hub_refresh_answers_304_while_nothing_changed(client_as, app, client, cast):
    first = client.get("/", headers=HTMX)
    again = client.get("/", headers=HTMX | {"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    client_as("ada").post("/updates", data={"body": "News"})
    changed = client.get("/", headers=HTMX | {"If-None-Match": first.headers["ETag"]})
    assert changed.status_code == 200 and "News" in changed.get_data(as_text=True)


def test_hub_polls_for_new_updates(client):
    page = client.get("/").get_data(as_text=True)
    assert 'hx-get="/updates/news?on=hub"' in page and 'hx-trigger="every 60s"' in page


def test_dashboard_shows_mentions_with_new_ones_marked_and_own_updates(
    client_as, app, cast, make_update
):
    ada = client_as("ada")
    make_update(cast["gabriel"], "Thanks @ada for the endpoint")
    page = ada.get("/").get_data(as_text=True)
    assert "Gabriel Nunes mentioned you" in page and "badge-new" not in page  # first look
    assert "You have not posted an update yet." in page
    ada.post("/updates", data={"body": "My **own** update"})
    make_update(cast["mentor"], "Great work @ada")
    page = ada.get("/").get_data(as_text=True)
    assert re.search(r'badge-new">New</span> <a href="/updates/\d+">Grace Mentor mentioned', page)
    assert "My own update" in page  # as plain text, Markdown removed
    assert "Nothing changed on your contracts." in page
