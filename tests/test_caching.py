"""Page and value caching: keys per variant, complete invalidation, failures that fail nothing."""

import concurrent.futures
import contextlib
import http.cookiejar
import logging
import re
import urllib.parse
import urllib.request

import pytest
from flask import flash, request
from flask_migrate import upgrade

from nexus_board import caching, create_app
from nexus_board.auth import services as accounts
from nexus_board.caching import cached_page, cached_value, changed, generations, process_copy
from nexus_board.extensions import cache, db
from nexus_board.rendering import render

from .conftest import PASSWORD, Auth, config_for
from .services import free_port, gunicorn

HTMX = {"HX-Request": "true"}


def commit_change(app, *areas):
    """A commit that changed `areas`, as every service's write ends."""
    with app.app_context():
        changed(*areas)
        db.session.commit()


@pytest.fixture
def calls():
    return []


@pytest.fixture
def counted(app, calls):
    """A cached page that counts how often it is really built."""
    return add_counted_routes(app, calls)


def add_counted_routes(app, calls):
    @app.get("/test/cached")
    @cached_page("updates")
    def cached():
        calls.append(request.full_path)
        return render("errors/error.html", "message", title="Built", message=str(len(calls)))

    @app.get("/test/cached-for-everyone")
    @cached_page("board", everyone=True)
    def for_everyone():
        calls.append(request.full_path)
        return f"built {len(calls)}"

    @app.get("/test/flash")
    def flashing():
        flash("Saved.", "success")
        return "ok"

    @app.get("/test/missing")
    @cached_page("updates")
    def missing():
        calls.append("missing")
        return "nothing here", 404

    return app


def test_one_entry_per_url_and_kind_until_the_area_changes(counted, client, calls):
    for _ in range(2):
        client.get("/test/cached")
        client.get("/test/cached?page=2")
        client.get("/test/cached?page=2&tag=x")
        client.get("/test/cached?tag=x&page=2")  # the query string as sent is part of the key
        client.get("/test/cached", headers=HTMX)
    assert len(calls) == 5
    assert "<html" not in client.get("/test/cached", headers=HTMX).get_data(as_text=True)
    assert "<html" in client.get("/test/cached").get_data(as_text=True)
    commit_change(counted, "board")  # not an area this page shows
    client.get("/test/cached")
    assert len(calls) == 5
    commit_change(counted, "updates")  # every variant goes at once
    for url in ("/test/cached", "/test/cached?page=2", "/test/cached?tag=x&page=2"):
        client.get(url)
    client.get("/test/cached", headers=HTMX)
    assert len(calls) == 9


def test_signed_in_people_are_never_served_or_stored(counted, client, calls, make_user):
    make_user("ada")
    Auth(client).sign_in("ada")
    client.get("/test/cached")
    client.get("/test/cached")
    assert len(calls) == 2
    anonymous = counted.test_client()
    anonymous.get("/test/cached")
    assert len(calls) == 3  # nothing a signed-in request built was kept for others


def test_fragments_for_everyone_are_shared_by_signed_in_people(counted, client, calls, make_user):
    htmx = {"HX-Request": "true"}
    make_user("ada")
    client.get("/test/cached-for-everyone", headers=htmx)
    Auth(client).sign_in("ada")
    page = client.get("/test/cached-for-everyone", headers=htmx).get_data(as_text=True)
    assert page == "built 1"
    assert calls == ["/test/cached-for-everyone?"]


def test_a_signed_in_full_page_is_never_shared_even_for_everyone(app, make_user):
    # /updates/news is cached for everyone; its full page has the viewer's nav and CSRF token.
    make_user("ada", display_name="Ada Okafor")
    ada = app.test_client()
    Auth(ada).sign_in("ada")
    ada.get("/")  # the welcome message is shown and gone
    assert "Ada Okafor" in ada.get("/updates/news?x=1").get_data(as_text=True)
    leaked = app.test_client().get("/updates/news?x=1").get_data(as_text=True)
    assert "Ada Okafor" not in leaked
    assert "X-CSRFToken" not in leaked


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(counted, client, calls):
    client.get("/test/cached")
    client.get("/test/flash")
    assert "Saved." in client.get("/test/cached").get_data(as_text=True)
    assert len(calls) == 2
    assert "Saved." not in client.get("/test/cached").get_data(as_text=True)


def test_errors_are_not_kept(counted, client, calls):
    assert client.get("/test/missing").status_code == 404
    assert client.get("/test/missing").status_code == 404
    assert calls == ["missing", "missing"]


def test_a_cached_answer_sets_no_cookie_and_says_how_to_revalidate(counted, client):
    first, second = client.get("/test/cached"), client.get("/test/cached")
    for response in (first, second):
        assert "Set-Cookie" not in response.headers
        assert response.headers["Cache-Control"] == "no-cache"
        assert {"HX-Request", "Cookie"} <= set(response.vary)
    assert first.headers["ETag"] == second.headers["ETag"]
    assert first.get_data() == second.get_data()


def test_cached_values_last_until_their_area_changes(app):
    computed = []

    def compute():
        computed.append(1)
        return {"learners": len(computed)}

    with app.test_request_context():
        assert cached_value("test/numbers", "profiles", compute=compute) == {"learners": 1}
        assert cached_value("test/numbers", "profiles", compute=compute) == {"learners": 1}
    commit_change(app, "profiles")
    with app.test_request_context():
        assert cached_value("test/numbers", "profiles", compute=compute) == {"learners": 2}


def test_a_write_invalidates_when_it_commits_not_before(counted, client, calls):
    client.get("/test/cached")
    with counted.app_context():
        changed("updates")
        client.get("/test/cached")  # the change is not committed yet: others see the old data
        assert len(calls) == 1
        db.session.commit()
    client.get("/test/cached")
    assert len(calls) == 2


def test_a_rolled_back_write_invalidates_nothing(counted, client, calls):
    client.get("/test/cached")
    with counted.app_context():
        changed("updates")
        db.session.rollback()
        db.session.commit()  # a later commit of nothing does not bring it back
    client.get("/test/cached")
    assert len(calls) == 1


def test_a_rolled_back_savepoint_keeps_what_the_transaction_changed(counted, client, calls):
    client.get("/test/cached")
    with counted.app_context():
        changed("updates")
        with contextlib.suppress(LookupError), db.session.begin_nested():
            raise LookupError  # like a unique topic another learner created first
        db.session.commit()
    client.get("/test/cached")
    assert len(calls) == 2


def test_a_new_build_serves_neither_the_old_builds_pages_nor_its_304s(make_app, calls):
    old = add_counted_routes(make_app(), calls)
    first = old.test_client().get("/test/cached")
    etag = first.headers["ETag"].strip('W/"')
    assert old.test_client().get("/test/cached", headers={"If-None-Match": etag}).status_code == 304
    new = add_counted_routes(make_app(BUILD_FINGERPRINT="next-release"), calls)  # same cache
    again = new.test_client().get("/test/cached", headers={"If-None-Match": etag})
    assert again.status_code == 200 and again.headers["ETag"] != first.headers["ETag"]
    assert len(calls) == 2  # built again by the new build, not read from the old one's entry


def test_the_fingerprint_follows_code_templates_and_vendored_files(tmp_path):
    from nexus_board.build import fingerprint

    code, templates, static = tmp_path / "code", tmp_path / "templates", tmp_path / "static"
    for folder in (code / "__pycache__", templates, static / "vendor"):
        folder.mkdir(parents=True)
    files = {
        code / "table.py": ("TREE = False", "TREE = True"),
        templates / "base.html": ("<html>", "<html lang=en>"),
        static / "vendor" / "htmx.min.js": ("htmx 2.0.3", "htmx 2.0.4"),
    }
    for path, (text, _) in files.items():
        path.write_text(text)
    seen = {fingerprint(code, templates, static)}
    (code / "__pycache__" / "table.cpython-311.pyc").write_bytes(b"compiled as a worker starts")
    fingerprint.cache_clear()  # computed once per process: a deploy starts new ones
    assert fingerprint(code, templates, static) in seen
    for path, (_, text) in files.items():
        path.write_text(text)
        fingerprint.cache_clear()
        seen.add(fingerprint(code, templates, static))
    assert len(seen) == 4


def test_a_process_copy_checks_the_markers_about_once_a_second(make_app, monkeypatch):
    now = [100.0]
    monkeypatch.setattr(caching, "clock", lambda: now[0])
    worker, other = make_app(), make_app()  # two workers sharing one cache
    computed = []

    def read():
        with worker.app_context():
            return process_copy("test/table", "mocks", compute=lambda: computed.append(1) or 1)

    read()
    read()
    assert len(computed) == 1
    commit_change(other, "mocks")  # another worker's write
    now[0] += caching.CHECK_EVERY / 2
    read()
    assert len(computed) == 1  # not looked at yet
    now[0] += caching.CHECK_EVERY
    read()
    assert len(computed) == 2


def test_a_process_copy_is_checked_against_markers_its_request_already_read(make_app, monkeypatch):
    # A page cached or tagged under the markers it read must not hold an older copy.
    monkeypatch.setattr(caching, "clock", lambda: 100.0)  # always inside the trusted second
    worker, other = make_app(), make_app()
    computed = []

    def read(*, after_markers: bool):
        with worker.test_request_context("/"):
            if after_markers:
                generations("mocks")  # as cached_page does before the view runs
            return process_copy("test/table", "mocks", compute=lambda: computed.append(1) or 1)

    read(after_markers=True)
    commit_change(other, "mocks")  # another worker's write
    read(after_markers=False)
    assert len(computed) == 1  # trusted for a second
    read(after_markers=True)
    assert len(computed) == 2


@pytest.mark.filterwarnings("ignore:Flask-Caching. CACHE_TYPE is set to NullCache")
def test_with_no_shared_cache_a_process_copy_holds_for_its_second(make_app, monkeypatch):
    # Nothing is stored under the markers and each read invents new ones: comparing with them
    # would recompute every copy every time and protect nothing.
    monkeypatch.setattr(caching, "clock", lambda: 100.0)
    app, computed = make_app(CACHE_TYPE="NullCache"), []
    for _ in range(3):
        with app.test_request_context("/"):
            generations("mocks")
            process_copy("test/table", "mocks", compute=lambda: computed.append(1) or 1)
    assert len(computed) == 1


def test_a_process_copy_sees_its_own_process_write_at_once(app):
    computed = []

    def read():
        with app.app_context():
            return process_copy("test/table", "mocks", compute=lambda: computed.append(1) or 1)

    read()
    commit_change(app, "mocks")
    read()
    assert len(computed) == 2


def test_unknown_areas_are_a_programming_error(app):
    with app.app_context(), pytest.raises(ValueError, match="unknown cache area"):
        generations("contracts")
    with pytest.raises(ValueError, match="unknown cache area"):
        cached_page("contracts")


def test_an_unreachable_redis_serves_everything_uncached_and_logs(make_app, make_user, caplog):
    closed = f"redis://127.0.0.1:{free_port()}/0"
    app = make_app(CACHE_TYPE="RedisCache", CACHE_REDIS_URL=closed)
    make_user("ada")
    client = app.test_client()
    with caplog.at_level(logging.ERROR, logger="nexus_board.caching"):
        assert client.get("/").status_code == 200
        assert client.get("/", headers=HTMX).status_code == 200
        assert client.get("/updates.atom").status_code == 200
        Auth(client).sign_in("ada")
        assert client.post("/updates", data={"body": "Still works"}).status_code == 303
        assert "Still works" in client.get("/").get_data(as_text=True)
    assert "cache unavailable" in caplog.text


@pytest.mark.services
def test_redis_cache_is_shared_and_invalidated_across_app_instances(make_app, make_user, redis_url):
    settings = {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": redis_url}
    first, second = make_app(**settings), make_app(**settings)  # one database, two "workers"
    commit_change(first, "updates", "profiles", "board")  # start clean whatever ran before
    make_user("ada")
    assert "No updates yet." in first.test_client().get("/").get_data(as_text=True)
    writer = second.test_client()
    Auth(writer).sign_in("ada")
    writer.post("/updates", data={"body": "Across instances"})
    assert "Across instances" in first.test_client().get("/").get_data(as_text=True)


@pytest.mark.services
def test_two_gunicorn_workers_share_the_default_file_cache(tmp_path):
    database = f"sqlite:///{tmp_path / 'nexus.sqlite3'}"
    app = create_app(config_for(tmp_path) | {"SQLALCHEMY_DATABASE_URI": database})
    with app.app_context():
        upgrade()
        accounts.register(username="ada", display_name="Ada", password=PASSWORD, track="backend")
        db.session.commit()
        db.engine.dispose()
    env = {
        "NEXUS_ENV": "testing",
        "SECRET_KEY": "gunicorn-test-secret",
        "DATABASE_URL": database,
        "CACHE_URL": f"filesystem://{tmp_path / 'shared-cache'}",
        "RATELIMIT_STORAGE_URL": f"nexus+sqlite://{tmp_path / 'ratelimits.sqlite3'}",
    }
    with gunicorn(env, workers=2) as url:
        hubs = _hubs_in_parallel(url)  # both workers answer, and fill the shared cache
        assert all("No updates yet." in page for page in hubs)
        _post_update(url, "ada", "Posted through one worker #gunicorn")
        hubs = _hubs_in_parallel(url)
        assert all("Posted through one worker" in page for page in hubs)


def _hubs_in_parallel(url: str, count: int = 8) -> list[str]:
    # Sync workers serve one request at a time: parallel requests reach both of them.
    def fetch(_):
        with urllib.request.urlopen(f"{url}/", timeout=10) as response:  # noqa: S310
            return response.read().decode()

    with concurrent.futures.ThreadPoolExecutor(count) as pool:
        return list(pool.map(fetch, range(count)))


def _post_update(url: str, username: str, body: str) -> None:
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    sign_in = opener.open(f"{url}/sign-in", timeout=10).read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', sign_in).group(1)
    form = {"login": username, "password": PASSWORD, "csrf_token": token}
    opener.open(f"{url}/sign-in", urllib.parse.urlencode(form).encode(), timeout=10)
    feed = opener.open(f"{url}/updates", timeout=10).read().decode()  # a new token: signed in
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', feed).group(1)
    form = {"body": body, "csrf_token": token}
    page = opener.open(f"{url}/updates", urllib.parse.urlencode(form).encode(), timeout=10)
    assert "Your update is posted." in page.read().decode()


def test_each_request_reads_the_markers_again_inside_a_longer_app_context(app):
    with app.app_context():  # a request inside reuses it and its g: markers are not kept on g
        with app.test_request_context("/"):
            first = caching.generations("board")
            assert caching.generations("board") == first  # read once a request
        cache.set("generation/board", "another-workers-write", timeout=0)
        with app.test_request_context("/"):
            assert caching.generations("board").endswith("another-workers-write")
