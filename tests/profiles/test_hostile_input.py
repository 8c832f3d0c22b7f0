"""Hostile or unlucky input on profile pages: a clear 4xx next to the field, never a 500, and
nothing half-saved."""

import io
import re

import pytest
from sqlalchemy import func, select

from nexus_board.extensions import db
from nexus_board.models import (
    Challenge,
    Learning,
    LearningKind,
    Profile,
    Takeaway,
    Topic,
    User,
)
from nexus_board.profiles import services
from nexus_board.profiles.readme import parse_readme
from nexus_board.profiles.rules import LIMITS, MAX_ITEMS, topic_key

HX = {"HX-Request": "true"}
HUGE = "9999999999999999999999999"


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def ada(app, make_user, auth):
    """Signed-in learner ada with one technology; returns its id."""
    user_id = make_user("ada", display_name="Ada Okafor")
    with app.app_context():
        user = db.session.get(User, user_id)
        docker = services.add_learning(user, kind=LearningKind.TECHNOLOGY, name="Docker")
        db.session.commit()
        docker_id = docker.id
    auth.sign_in("ada")
    return docker_id


@pytest.mark.parametrize("name", ["ß" * 120, "\ufdfa" * 10, "ﬃ" * 41])
def test_a_name_whose_topic_key_is_too_long_is_refused_next_to_the_field(client, ada, app, name):
    assert len(name) <= LIMITS["name"] < len(topic_key(name))
    response = client.post("/u/ada/technologies", data={"new-technologies-name": name}, headers=HX)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    error = re.search(r'id="new-technologies-name-error">([^<]*)<', html).group(1)
    assert "once letters like ß or ligatures are spelled out; the limit is 120." in error
    assert f'value="{name}"' in html  # the input is kept
    edit = client.post(f"/u/ada/technologies/{ada}", data={f"technologies-{ada}-name": name})
    assert edit.status_code == 422
    with app.app_context():
        assert count(Learning) == 1 and count(Topic) == 1
        assert db.session.get(Learning, ada).name == "Docker"


def test_a_name_whose_key_just_fits_is_saved(client, ada, app):
    response = client.post("/u/ada/concepts", data={"new-concepts-name": "ß" * 60}, headers=HX)
    assert response.status_code == 200
    with app.app_context():
        assert db.session.scalar(select(Topic.key).where(Topic.key.startswith("ss"))) == "s" * 120


def test_a_readme_learning_whose_key_is_too_long_stays_text(app):
    text = f"# Me\n\n## Technologies\n\n- **Docker**\n- **{'ß' * 100}**\n"
    profile = parse_readme(text).profile
    assert [t.name for t in profile.technologies] == ["Docker"]
    assert "ß" * 100 in profile.sections[0].body  # nothing is dropped


@pytest.mark.parametrize(
    "tag", [HUGE, "²", "٣", "-1", "0", "1.5", "abc", "", "1" * 5000, "2147483648"]
)
@pytest.mark.parametrize("route", ["add", "edit"])
def test_bad_tag_ids_are_a_422_next_to_the_tags_and_save_nothing(client, ada, app, tag, route):
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "ada"))
        challenge = services.add_challenge(user, title="Before", tag_ids=[ada])
        db.session.commit()
        challenge_id = challenge.id
    prefix = "new-challenges" if route == "add" else f"challenges-{challenge_id}"
    url = "/u/ada/challenges" + ("" if route == "add" else f"/{challenge_id}")
    data = {f"{prefix}-title": "After", f"{prefix}-tag_ids": [str(ada), tag]}
    response = client.post(url, data=data, headers=HX)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f'id="{prefix}-tag_ids-error">Choose related learnings from your own list.' in html
    assert 'value="After"' in html
    with app.app_context():
        challenges = db.session.scalars(select(Challenge)).all()
        assert [(c.title, [t.id for t in c.tags]) for c in challenges] == [("Before", [ada])]


def test_a_tag_error_shows_even_without_learnings_to_choose(client, make_user, auth, app):
    make_user("brian")
    auth.sign_in("brian")
    data = {"new-challenges-title": "Slow", "new-challenges-tag_ids": "1"}
    response = client.post("/u/brian/challenges", data=data, headers=HX)
    assert response.status_code == 422
    assert "Choose related learnings from your own list." in response.get_data(as_text=True)
    with app.app_context():
        assert count(Challenge) == 0


@pytest.mark.parametrize(
    ("page", "first"),
    [(HUGE, False), ("9", False), ("-3", True), ("abc", True), ("²", True), ("1" * 5000, True)],
)
def test_any_page_number_answers_a_page(client, make_user, page, first):
    make_user("ada", display_name="Ada Okafor")
    response = client.get(f"/learners?page={page}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert ("Ada Okafor" in html) == first  # junk (too long for int() too) means page 1
    assert ("There are no learners on this page." in html) != first


def test_a_full_list_says_so_in_the_add_form(client, ada, app):
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "ada"))
        for n in range(MAX_ITEMS):
            services.add_takeaway(user, text=f"Takeaway {n}")
        db.session.commit()
    response = client.post("/u/ada/takeaways", data={"new-takeaways-text": "One more"}, headers=HX)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert '<div class="form-errors" role="alert">' in html
    assert "You have 200 takeaways, the most a profile keeps. Remove one first." in html
    assert "One more</textarea>" in html
    with app.app_context():
        assert count(Takeaway) == MAX_ITEMS


def import_text(client, text: str) -> str:
    response = client.post("/u/ada/import", data={"text": text})
    assert response.status_code == 303
    return response.headers["Location"]


def test_a_readme_with_too_many_items_is_refused_at_preview_and_confirm(client, ada, app):
    takeaways = "".join(f"{n}. Takeaway {n}\n" for n in range(1, 206))
    location = import_text(client, f"# Me\n\n## Takeaways\n\n{takeaways}")
    preview = client.get(location).get_data(as_text=True)
    message = (
        "Best practices &amp; takeaways: your README has 205; a profile keeps at most 200. "
        "Merge or remove some in your README, then import it again."
    )
    assert "This README cannot be imported as it is:" in preview and message in preview
    assert "Import into my profile" not in preview and ">Cancel</button>" in preview
    confirmed = client.post(location + "/confirm")  # a stale tab, or a crafted request
    assert confirmed.status_code == 422 and message in confirmed.get_data(as_text=True)
    with app.app_context():
        assert count(Takeaway) == 0 and count(Learning) == 1


def test_a_readme_with_an_overlong_overview_is_refused_with_the_reason(client, ada, app):
    location = import_text(client, "# Me\n\n## Overview\n\n" + "word " * 12_000)
    preview = client.get(location).get_data(as_text=True)
    assert "Overview is 59,999 characters; the limit is 20,000." in preview
    assert client.post(location + "/confirm").status_code == 422
    with app.app_context():
        assert db.session.get(Profile, 1) is None


def test_a_utf16_readme_with_a_nul_character_is_not_text(client, ada, app):
    data = "# Me\n\nA\x00B\n".encode("utf-16")
    upload = {"readme": (io.BytesIO(data), "README.md")}
    response = client.post("/u/ada/import", data=upload, content_type="multipart/form-data")
    assert response.status_code == 415
    assert "That file is not a text README" in response.get_data(as_text=True)


def test_related_learnings_that_overflow_a_solution_are_named_in_the_preview(client, ada, app):
    tags = ", ".join(f"Tool {n:03} " + "x" * 100 for n in range(200))
    readme = f"## Challenges\n\n### Slow pages\n\nCached.\n\n**Related learnings:** {tags}\n"
    location = import_text(client, readme)
    preview = client.get(location).get_data(as_text=True)
    assert "the solution to “Slow pages”, with its related learnings, is 22," in preview
    assert "characters; the limit is 10,000." in preview
    assert client.post(location + "/confirm").status_code == 422
    with app.app_context():
        assert count(Challenge) == 0
