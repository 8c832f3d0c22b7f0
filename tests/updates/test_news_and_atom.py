"""The 'new updates' poll (304 while nothing changed) and the Atom feed."""

import re
from datetime import UTC, datetime, timedelta

import feedparser

HTMX = {"HX-Request": "true"}


def newest_cursor(page: str) -> str:
    return re.search(r'id="feed-newest" name="after" value="([^"]*)"', page).group(1)


def test_poll_is_quiet_until_someone_posts_then_offers_to_show_it(client, cast, client_as):
    client_as("ada").post("/updates", data={"body": "First"})
    after = newest_cursor(client.get("/updates").get_data(as_text=True))
    quiet = client.get(f"/updates/news?on=feed&after={after}", headers=HTMX)
    assert quiet.status_code == 200 and 'hx-trigger="every 30s"' in quiet.get_data(as_text=True)

    client_as("gabriel").post("/updates", data={"body": "Second"})
    news = client.get(f"/updates/news?on=feed&after={after}", headers=HTMX)
    body = news.get_data(as_text=True)
    assert "Show 1 new update" in body and 'hx-target="#feed"' in body
    assert "every 30s" not in body  # polling stops once there is something to show


def test_poll_answers_304_while_nothing_changed(client, cast, client_as):
    client_as("ada").post("/updates", data={"body": "First"})
    first = client.get("/updates/news?on=hub", headers=HTMX)
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "no-cache"
    again = client.get("/updates/news?on=hub", headers=HTMX | {"If-None-Match": etag})
    assert again.status_code == 304 and again.get_data() == b""
    assert "HX-Request" in again.headers["Vary"]
    client_as("ada").post("/updates", data={"body": "Second"})
    changed = client.get("/updates/news?on=hub", headers=HTMX | {"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    assert "Show 2 new updates" in changed.get_data(as_text=True)


def test_signed_in_polls_of_a_fragment_get_304_too(cast, client_as):
    ada = client_as("ada")
    first = ada.get("/updates", headers=HTMX)
    assert first.headers["Cache-Control"] == "private, no-cache"
    again = ada.get("/updates", headers=HTMX | {"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_signed_in_full_pages_are_never_tagged(cast, client_as):
    # A full page carries messages shown once and a CSRF token: a 304 could replay them.
    assert "ETag" not in client_as("ada").get("/updates").headers


def test_atom_feed_parses_with_entries_newest_first(client, cast, make_update):
    start = datetime(2026, 3, 1, tzinfo=UTC)
    make_update(cast["ada"], "First #drf with @gabriel", created_at=start)
    make_update(cast["gabriel"], "**Second** one", created_at=start + timedelta(hours=1))
    response = client.get("/updates.atom")
    assert response.status_code == 200 and response.mimetype == "application/atom+xml"
    feed = feedparser.parse(response.get_data())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Nexus Board updates"
    assert [e.title for e in feed.entries] == ["Gabriel Nunes: **Second** one",
                                               "Ada Okafor: First #drf with @gabriel"]  # fmt: skip
    first = feed.entries[1]
    assert first.link.startswith("http://localhost/updates/")
    assert first.author == "Ada Okafor" and [t.term for t in first.tags] == ["drf"]
    assert 'href="http://localhost/u/gabriel"' in first.content[0].value
    assert "<strong>Second</strong>" in feed.entries[0].content[0].value


def test_atom_feed_follows_the_filters(client, cast, make_update):
    make_update(cast["ada"], "About #drf")
    make_update(cast["ada"], "About #docker")
    feed = feedparser.parse(client.get("/updates.atom?tag=docker").get_data())
    assert [e.title for e in feed.entries] == ["Ada Okafor: About #docker"]
    assert feed.feed.title == "Nexus Board updates tagged #docker"
    assert client.get("/updates.atom?tag=bad%20tag").status_code == 400


def test_empty_atom_feed_is_still_valid(client):
    feed = feedparser.parse(client.get("/updates.atom").get_data())
    assert not feed.bozo and feed.entries == []
