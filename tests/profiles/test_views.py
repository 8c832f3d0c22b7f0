"""Profile pages over HTTP: public reading, htmx editing, authorization, directory, export."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from nexus_board.extensions import cache, db
from nexus_board.models import Challenge, Learning, LearningKind, Takeaway, User
from nexus_board.models.types import utcnow
from nexus_board.profiles import readme_import, services
from nexus_board.profiles.item_lists import LISTS
from nexus_board.profiles.page import LATEST_UPDATES, ProfilePage
from nexus_board.profiles.queries import snapshot

HX = {"HX-Request": "true"}


def snapshot_of(username: str):
    return snapshot(db.session.scalar(select(User).where(User.username == username)))


def items_of(username: str, key: str) -> list[int]:
    user = db.session.scalar(select(User).where(User.username == username))
    return [item.id for item in ProfilePage(user).items(LISTS[key])]


@pytest.fixture
def ada(app, make_user):
    """Learner ada with one item in every list; returns the item ids by list."""
    user_id = make_user("ada", display_name="Ada Okafor")
    with app.app_context():
        user = db.session.get(User, user_id)
        services.update_details(user, overview="I build **APIs**.", headline="Backend learner")
        docker = services.add_learning(user, kind=LearningKind.TECHNOLOGY, name="Docker")
        testing = services.add_learning(user, kind=LearningKind.CONCEPT, name="Testing")
        db.session.flush()
        items = {
            "technologies": docker.id,
            "concepts": testing.id,
            "challenges": services.add_challenge(user, title="Slow", tag_ids=[docker.id]),
            "takeaways": services.add_takeaway(user, text="Test early"),
            "sections": services.add_section(user, title="Tips", body="Rest"),
        }
        items["import"] = readme_import.start_import(user, "# Pending\n")
        db.session.flush()
        items = {k: v if isinstance(v, int) else v.id for k, v in items.items()}
        db.session.commit()
        return items


def owner_pages(items):
    """Every page only a profile's learner may open (GET): (url). Writes are in the
    authorization table (tests/test_authorization.py)."""
    pending = f"/u/ada/import/{items['import']}"
    return [
        "/u/ada/about/edit",
        "/u/ada/import",
        pending,
        *(f"/u/ada/{key}/{items[key]}/edit" for key in LISTS),
    ]


PUBLIC = {"directory", "show", "readme", "card", "show_item", "show_details"}


def test_the_page_list_covers_every_owner_only_page(app, ada):
    adapter = app.url_map.bind("localhost")
    covered = {adapter.match(url, "GET")[0] for url in owner_pages(ada)}
    pages = {
        r.endpoint
        for r in app.url_map.iter_rules()
        if r.endpoint.startswith("profiles.") and "GET" in r.methods
    }
    assert covered == {e for e in pages if e.split(".")[1] not in PUBLIC}


@pytest.mark.parametrize("index", range(3 + len(LISTS)))
def test_owner_pages_ask_visitors_to_sign_in_and_refuse_others(client, auth, make_user, ada, index):
    url = owner_pages(ada)[index]
    response = client.get(url, headers=HX)
    assert response.status_code == 401
    assert response.headers["HX-Redirect"].startswith("/sign-in")
    make_user("brian")
    auth.sign_in("brian")
    response = client.get(url, headers=HX)
    assert response.status_code == 403
    assert "only change your own profile" in response.get_data(as_text=True)


@pytest.mark.parametrize("key", ["technologies", "concepts", "challenges", "takeaways", "sections"])
def test_another_learners_items_are_not_found_under_your_name(client, auth, make_user, ada, key):
    make_user("brian")
    auth.sign_in("brian")
    url = f"/u/brian/{key}/{ada[key]}"
    assert client.delete(url, headers=HX).status_code == 404
    assert client.post(url, data={}, headers=HX).status_code == 404
    assert client.get(f"/u/ada/{key}/{ada[key]}", headers=HX).status_code == 200


def test_visitors_see_a_read_only_profile(client, ada):
    response = client.get("/u/ada")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" in page
    assert "Ada Okafor" in page and "Backend learner" in page and "<strong>APIs</strong>" in page
    assert "Docker" in page and "Slow" in page and "Test early" in page and "Tips" in page
    assert "hx-post" not in page and "hx-delete" not in page and "Import a README" not in page


def test_the_owner_sees_editing_controls(client, auth, ada):
    auth.sign_in("ada")
    page = client.get("/u/ada").get_data(as_text=True)
    assert 'hx-delete="/u/ada/challenges/' in page and "Add a challenge" in page
    assert 'aria-label="Move “Docker” up"' in page


def test_unknown_learner_is_404(client):
    assert client.get("/u/nobody").status_code == 404


def test_edit_answers_a_fragment_to_htmx_and_a_page_otherwise(client, auth, ada):
    auth.sign_in("ada")
    url = f"/u/ada/challenges/{ada['challenges']}/edit"
    fragment = client.get(url, headers=HX)
    html = fragment.get_data(as_text=True)
    assert fragment.status_code == 200 and "HX-Request" in fragment.headers["Vary"]
    assert "<html" not in html and html.lstrip().startswith(
        f'<li id="challenges-{ada["challenges"]}"'
    )
    assert 'name="challenges-{}-title"'.format(ada["challenges"]) in html
    page = client.get(url)
    assert "<html" in page.get_data(as_text=True) and "HX-Request" in page.headers["Vary"]
    assert 'value="Slow"' in page.get_data(as_text=True)  # the page shows the row as a form


def test_add_then_fail_validation_keeps_the_input(client, auth, ada, app):
    auth.sign_in("ada")
    ok = client.post("/u/ada/takeaways", data={"new-takeaways-text": "Ship small"}, headers=HX)
    assert ok.status_code == 200 and "Ship small" in ok.get_data(as_text=True)
    assert (
        'id="profile-status" hx-swap-oob="innerHTML">Added takeaway “Ship small”.'
        in ok.get_data(as_text=True)
    )
    data = {"new-technologies-name": "docker", "new-technologies-note": "compose files"}
    bad = client.post("/u/ada/technologies", data=data, headers=HX)
    html = bad.get_data(as_text=True)
    assert bad.status_code == 422 and "<html" not in html
    assert "You already list “Docker” under technologies." in html
    assert 'value="compose files"' in html and 'aria-invalid="true"' in html
    with app.app_context():
        assert snapshot_of("ada").takeaways == ["Test early", "Ship small"]


def test_an_added_challenge_shows_in_the_list_that_answers(client, auth, ada):
    # The form's choices read the lists before the add: the answer must read them again.
    auth.sign_in("ada")
    data = {"new-challenges-title": "Flaky tests", "new-challenges-tag_ids": ada["technologies"]}
    html = client.post("/u/ada/challenges", data=data, headers=HX).get_data(as_text=True)
    assert ">Flaky tests</h3>" in html and ">Slow</h3>" in html


def test_update_swaps_the_row_back_and_delete_answers_the_list(client, auth, ada, app):
    auth.sign_in("ada")
    url = f"/u/ada/challenges/{ada['challenges']}"
    data = {
        f"challenges-{ada['challenges']}-title": "Slow pages",
        f"challenges-{ada['challenges']}-solution": "Cache",
        f"challenges-{ada['challenges']}-tag_ids": ada["technologies"],
    }
    response = client.post(url, data=data, headers=HX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Slow pages" in html and "<form" not in html
    bad = client.post(url, data={f"challenges-{ada['challenges']}-title": ""}, headers=HX)
    assert bad.status_code == 422 and "Describe the challenge in a line." in bad.get_data(
        as_text=True
    )
    deleted = client.delete(f"/u/ada/technologies/{ada['technologies']}", headers=HX)
    body = deleted.get_data(as_text=True)
    assert deleted.status_code == 200 and "<html" not in body
    assert body.lstrip().startswith('<section id="technologies"')
    assert "No technologies listed yet." in body
    assert f'id="technologies-{ada["technologies"]}"' not in body
    # The list is empty: focus goes to its add form, which is open.
    assert re.search(r'<input(?=[^>]*id="new-technologies-name")[^>]*autofocus', body)
    assert f'<li id="challenges-{ada["challenges"]}" class="item" hx-swap-oob="true">' in body
    assert "Deleted technology “Docker”." in body
    with app.app_context():
        data = snapshot_of("ada")
    assert data.technologies == [] and data.challenges[0].title == "Slow pages"
    assert data.challenges[0].tags == ()


def test_delete_moves_focus_to_the_item_that_takes_its_place(client, auth, ada, app):
    auth.sign_in("ada")
    for text in ("Second", "Third"):
        client.post("/u/ada/takeaways", data={"new-takeaways-text": text}, headers=HX)
    with app.app_context():
        first, second, third = items_of("ada", "takeaways")

    def edit_focused(response) -> list[str]:
        html = response.get_data(as_text=True)
        return re.findall(r'aria-label="Edit “([^”]+)”"[^>]*autofocus', html)

    # The next item takes the place; the one that becomes first can no longer move up.
    response = client.delete(f"/u/ada/takeaways/{first}", headers=HX)
    assert response.status_code == 200 and edit_focused(response) == ["Second"]
    assert re.search(r'aria-label="Move “Second” up" disabled', response.get_data(as_text=True))
    # The last item goes: the one before it takes the focus.
    response = client.delete(f"/u/ada/takeaways/{third}", headers=HX)
    assert edit_focused(response) == ["Second"]
    assert client.get(f"/u/ada/takeaways/{second}", headers=HX).status_code == 200


def test_move_answers_the_list_with_focus_on_the_moved_item(client, auth, ada, app):
    auth.sign_in("ada")
    client.post("/u/ada/takeaways", data={"new-takeaways-text": "Second"}, headers=HX)
    with app.app_context():
        second = items_of("ada", "takeaways")[1]
    response = client.post(f"/u/ada/takeaways/{second}/move", data={"direction": "up"}, headers=HX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and html.lstrip().startswith('<section id="takeaways"')
    assert html.index("Second") < html.index("Test early")
    assert re.search(r'aria-label="Move “Second” down"[^>]*autofocus', html)
    bad = client.post(f"/u/ada/takeaways/{second}/move", data={"direction": "left"}, headers=HX)
    assert bad.status_code == 422


def test_user_markdown_is_sanitized(client, auth, ada):
    auth.sign_in("ada")
    evil = (
        "<script>alert(1)</script> [x](javascript:alert(1)) "
        '<img src=x onerror=alert(1)> <a hx-get="/x">y</a>\n\n![i](javascript:alert(2))'
    )
    response = client.post("/u/ada/about", data={"about-overview": evil}, headers=HX)
    assert response.status_code == 200
    page = client.get("/u/ada").get_data(as_text=True)
    overview = page[page.index('id="about"') : page.index('id="technologies"')]
    assert "<script>" not in overview and "&lt;script&gt;alert(1)&lt;/script&gt;" in overview
    assert 'href="javascript:' not in overview and 'src="javascript:' not in overview
    assert "<img" not in overview and "<a hx-get" not in overview


def test_details_errors_show_next_to_the_field(client, auth, ada):
    auth.sign_in("ada")
    data = {"about-github_url": "https://gitlab.com/ada", "about-overview": "Kept"}
    response = client.post("/u/ada/about", data=data, headers=HX)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="about-github_url-error">Enter your GitHub address' in html and "Kept" in html
    ok = client.post("/u/ada/about", data={"about-github_url": "github.com/ada"}, headers=HX)
    assert ok.status_code == 200 and 'hx-swap-oob="true"' in ok.get_data(as_text=True)


def test_profile_page_queries_do_not_grow_with_items(client, ada, app, count_queries):
    def statements():
        with count_queries() as found:
            assert client.get("/u/ada").status_code == 200
        return len(found)

    few = statements()
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "ada"))
        for n in range(15):
            services.add_learning(user, kind=LearningKind.TECHNOLOGY, name=f"Tool {n}")
            services.add_challenge(user, title=f"Challenge {n}")
            services.add_takeaway(user, text=f"Takeaway {n}")
        db.session.commit()
    assert statements() == few


def test_export_is_markdown_in_the_reference_structure(client, ada):
    response = client.get("/u/ada/README.md")
    text = response.get_data(as_text=True)
    assert response.status_code == 200 and response.mimetype == "text/markdown"
    assert response.mimetype_params == {"charset": "utf-8"}
    for heading in (
        "# Backend learner",
        "## Overview",
        "### Key Technologies Covered",
        "### Backend Development Concepts",
        "## Challenges Faced & Solutions Implemented",
        "## Best Practices & Personal Takeaways",
        "## Tips",
    ):
        assert f"\n{heading}\n" in f"\n{text}"
    assert "| Slow |  | Docker |" in text


def test_the_profile_lists_the_latest_updates_with_a_link_to_all(client, app, ada, make_update):
    with app.app_context():
        ada_id = db.session.scalar(select(User.id).where(User.username == "ada"))
    other = app.test_client()
    for n in range(LATEST_UPDATES + 2):
        make_update(ada_id, f"Update number {n}", created_at=utcnow() - timedelta(hours=10 - n))
    page = client.get("/u/ada").get_data(as_text=True)
    section = page.split('id="latest-updates"')[1].split("</section>")[0]
    shown = re.findall(r"Update number (\d+)", section)
    assert shown == [str(n) for n in range(LATEST_UPDATES + 1, 1, -1)]  # newest first, a few
    assert 'href="/updates?learner=ada">All updates by Ada Okafor</a>' in section
    assert "<form" not in section  # read-only, like the hub
    make_update(ada_id, "Fresh from the feed")  # through the service, as the feed posts it
    assert "Fresh from the feed" in other.get("/u/ada").get_data(as_text=True)


def test_a_profile_without_updates_says_so(client, ada):
    page = client.get("/u/ada").get_data(as_text=True)
    assert "Ada Okafor has posted no updates yet." in page


def test_a_visitors_kept_lists_show_each_change_to_what_they_show(app, client, ada):
    """Visitors' lists are kept per process under the learner's profile version, which every
    change moves: a renamed learning shows in its list and in the challenges it tags, a new
    solution and takeaway show too; a move, a delete and a README import as well."""

    def section(key: str) -> str:
        page = client.get("/u/ada").get_data(as_text=True)
        return re.search(rf'<section id="{key}".*?</section>', page, re.S)[0]

    assert "Docker" in section("technologies") and "Docker" in section("challenges")
    assert "No solution written yet." in section("challenges")
    with app.app_context():
        services.update_learning(db.session.get(Learning, ada["technologies"]), name="Compose")
        db.session.commit()
    assert "Compose" in section("technologies") and "Compose" in section("challenges")
    with app.app_context():
        docker = db.session.get(Learning, ada["technologies"])
        services.update_learning(docker, name="Docker Compose")
        challenge = db.session.get(Challenge, ada["challenges"])
        services.update_challenge(
            challenge, title="Slow", solution="Use `select_related`.", tag_ids=[docker.id]
        )
        services.add_takeaway(db.session.get(User, docker.user_id), text="Measure first.")
        db.session.commit()
    assert "Docker Compose" in section("technologies")
    challenges = section("challenges")
    assert "Docker Compose" in challenges and "select_related" in challenges
    assert "Measure first." in section("takeaways")
    with app.app_context():
        services.move_item(db.session.get(Takeaway, ada["takeaways"]), "down")  # first → last
        db.session.commit()
    takeaways = section("takeaways")
    assert takeaways.index("Measure first.") < takeaways.index("Test early")
    with app.app_context():
        services.delete_item(db.session.get(Learning, ada["concepts"]))
        db.session.commit()
    assert 'id="concepts"' not in client.get("/u/ada").get_data(as_text=True)  # now empty
    with app.app_context():
        user = db.session.get(User, _owner(ada))
        readme = (
            "# Backend learner\n\n## Key Learnings\n\n### Key Technologies Covered\n\n- **Redis**\n"
        )
        readme_import.replace_profile(user, readme_import.parse(user, readme).profile)
        db.session.commit()
    page = client.get("/u/ada").get_data(as_text=True)
    assert "Redis" in section("technologies") and "Docker" not in page
    assert 'id="takeaways"' not in page and 'id="challenges"' not in page


def test_a_visitor_reads_a_profiles_items_once_per_version(app, client, ada, count_queries):
    client.get("/u/ada")
    cache.clear()  # the page itself is cached for visitors: render it again
    with count_queries() as kept:
        client.get("/u/ada")
    assert not [sql for sql in kept if "FROM learnings" in sql or "challenge_tags" in sql]
    with app.app_context():
        services.add_takeaway(db.session.get(User, _owner(ada)), text="Read the plan.")
        db.session.commit()
    cache.clear()
    with count_queries() as moved:
        assert "Read the plan." in client.get("/u/ada").get_data(as_text=True)
    assert len(moved) == len(kept) + 1  # the lists, in one statement, once


def _owner(ada) -> int:
    return db.session.get(Takeaway, ada["takeaways"]).user_id
