"""Public profile pages, the directory and the README export come from the cache for anonymous
visitors, change as soon as their owner edits, and are never served to the owner."""

import pytest

from nexus_board.extensions import db
from nexus_board.models import LearningKind, User
from nexus_board.profiles import services

from ..conftest import Auth

HX = {"HX-Request": "true"}


@pytest.fixture
def ada(app, make_user):
    user_id = make_user("ada", display_name="Ada Okafor")
    with app.app_context():
        user = db.session.get(User, user_id)
        services.update_details(user, headline="Backend learner")
        services.add_learning(user, kind=LearningKind.TECHNOLOGY, name="Docker")
        db.session.commit()
    return user_id


@pytest.fixture
def owner(app, ada):
    """Ada's own browser, signed in."""
    client = app.test_client()
    Auth(client).sign_in("ada")
    return client


def repeat_runs_no_sql(client, count_queries, url, headers=None):
    """The body of `url` the first time; asserts a second request runs no SQL and is the same."""
    first = client.get(url, headers=headers or {})
    assert first.status_code == 200
    with count_queries() as statements:
        second = client.get(url, headers=headers or {})
    assert second.status_code == 200 and statements == []
    assert second.get_data() == first.get_data()
    return first


@pytest.mark.parametrize(
    ("url", "headers"),
    [
        ("/u/ada", None),
        ("/learners", None),
        ("/learners?q=dock&track=backend", None),
        ("/learners?q=dock", HX),
    ],
)
def test_a_second_anonymous_visit_runs_no_sql(client, ada, count_queries, url, headers):
    response = repeat_runs_no_sql(client, count_queries, url, headers)
    assert "Ada Okafor" in response.get_data(as_text=True)
    assert "Cookie" in response.headers["Vary"] and "HX-Request" in response.headers["Vary"]


def test_anonymous_pages_change_right_after_the_owner_edits(client, owner, ada, count_queries):
    for url in ("/u/ada", "/learners"):
        repeat_runs_no_sql(client, count_queries, url)
    edit = owner.post("/u/ada/about", data={"about-headline": "API builder"}, headers=HX)
    assert edit.status_code == 200
    for url in ("/u/ada", "/learners"):
        html = client.get(url).get_data(as_text=True)
        assert "API builder" in html and "Backend learner" not in html
    added = owner.post("/u/ada/technologies", data={"new-technologies-name": "Redis"}, headers=HX)
    assert added.status_code == 200
    assert "Redis" in client.get("/u/ada").get_data(as_text=True)
    assert "Redis" in client.get("/learners?q=redis").get_data(as_text=True)


def test_the_owner_never_gets_the_cached_anonymous_page(client, owner, ada):
    anonymous = client.get("/u/ada").get_data(as_text=True)
    assert "hx-delete" not in anonymous and "Import a README" not in anonymous
    for _ in range(2):
        mine = owner.get("/u/ada").get_data(as_text=True)
        assert 'hx-delete="/u/ada/technologies/' in mine and "Import a README" in mine
    assert "hx-delete" not in client.get("/u/ada").get_data(as_text=True)


def test_the_readme_export_is_cached_and_follows_edits(client, owner, ada, count_queries):
    first = repeat_runs_no_sql(client, count_queries, "/u/ada/README.md")
    assert "# Backend learner" in first.get_data(as_text=True)
    with count_queries() as statements:
        again = owner.get("/u/ada/README.md")  # signed in: the same text, from the cache
    assert again.get_data() == first.get_data()
    assert again.headers["Content-Disposition"] == 'inline; filename="README.md"'
    assert again.mimetype == "text/markdown"
    assert not [s for s in statements if "profiles" in s or "learnings" in s]
    owner.post("/u/ada/about", data={"about-headline": "API builder"}, headers=HX)
    text = client.get("/u/ada/README.md").get_data(as_text=True)
    assert "# API builder" in text and "Backend learner" not in text
    assert client.get("/u/nobody/README.md").status_code == 404
