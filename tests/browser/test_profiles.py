"""A learner edits their profile in place and imports their README, in a real browser."""

import re
from pathlib import Path

from playwright.sync_api import expect

from .conftest import sign_in

README = Path(__file__).parent.parent / "profiles" / "readmes" / "backend.md"


def test_add_edit_and_delete_a_challenge_inline(page, make_user, assert_accessible):
    make_user("ada", display_name="Ada Okafor")
    sign_in(page, "ada", "/u/ada")
    expect(page.get_by_role("heading", name="Ada Okafor", level=1)).to_be_visible()
    assert_accessible(page)

    add = page.get_by_role("form", name="Add a challenge")
    add.get_by_label("Challenge", exact=True).fill("Slow API responses")
    add.get_by_label("Solution").fill("Cached the **hot** queries in Redis.")
    add.get_by_role("button", name="Add challenge").click()
    challenges = page.locator("#challenges")
    expect(challenges.get_by_role("heading", name="Slow API responses")).to_be_visible()
    expect(challenges.locator("strong", has_text="hot")).to_be_visible()
    expect(page.locator("#profile-status")).to_have_text("Added challenge “Slow API responses”.")
    assert_accessible(page)

    challenges.get_by_role("button", name="Edit “Slow API responses”").click()
    edit = page.get_by_role("form", name="Edit challenge")
    expect(edit.get_by_label("Challenge", exact=True)).to_be_focused()
    edit.get_by_label("Challenge", exact=True).fill("")
    edit.get_by_role("button", name="Save").click()
    expect(edit.get_by_text("Describe the challenge in a line.")).to_be_visible()
    assert_accessible(page)
    edit.get_by_label("Challenge", exact=True).fill("Slow API pages")
    edit.get_by_role("button", name="Save").click()
    expect(challenges.get_by_role("heading", name="Slow API pages")).to_be_visible()
    expect(challenges.get_by_role("button", name="Edit “Slow API pages”")).to_be_focused()

    add = page.get_by_role("form", name="Add a challenge")
    add.get_by_label("Challenge", exact=True).fill("Flaky webhooks")
    add.get_by_role("button", name="Add challenge").click()
    expect(challenges.get_by_role("heading", name="Flaky webhooks")).to_be_visible()

    # Deleting an item hands keyboard focus to the one that takes its place…
    page.once("dialog", lambda dialog: dialog.accept())
    challenges.get_by_role("button", name="Delete “Slow API pages”").click()
    expect(challenges.get_by_role("heading", name="Slow API pages")).to_have_count(0)
    expect(page.locator("#profile-status")).to_have_text("Deleted challenge “Slow API pages”.")
    expect(challenges.get_by_role("button", name="Edit “Flaky webhooks”")).to_be_focused()
    expect(challenges.get_by_role("button", name="Move “Flaky webhooks” up")).to_be_disabled()
    assert_accessible(page)
    # …and to the add form once the list is empty.
    page.once("dialog", lambda dialog: dialog.accept())
    page.keyboard.press("Tab")  # from Edit to Delete, as a keyboard user would
    expect(challenges.get_by_role("button", name="Delete “Flaky webhooks”")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_text("No challenges written up yet.")).to_be_visible()
    add = page.get_by_role("form", name="Add a challenge")
    expect(add.get_by_label("Challenge", exact=True)).to_be_focused()
    assert_accessible(page)
    page.reload()
    expect(page.get_by_text("No challenges written up yet.")).to_be_visible()


def test_import_a_readme_through_the_preview(page, make_user, assert_accessible):
    make_user("chioma", display_name="Chioma Eze")
    sign_in(page, "chioma", "/u/chioma")
    page.get_by_role("link", name="Import a README").first.click()
    expect(page.get_by_role("heading", name="Import your README")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Preview the import").click()
    expect(
        page.get_by_text("Choose your README file, or paste its Markdown below.")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Or paste its Markdown").fill(README.read_text(encoding="utf-8"))
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_role("heading", name="Check your import")).to_be_visible()
    placements = page.get_by_role("table")
    expect(
        placements.get_by_role("row", name="Key Technologies Covered 5 technologies")
    ).to_be_visible()
    expect(
        placements.get_by_role("row", name="🗂️ Repository Structure Extra section")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Import into my profile").click()
    expect(page.get_by_text("Your README is imported.")).to_be_visible()
    expect(page.get_by_role("heading", name="🗂️ Repository Structure")).to_be_visible()
    expect(page.locator("#technologies").get_by_text("Docker", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="N+1 queries on the orders page")).to_be_visible()
    expect(page.get_by_role("link", name="GitHub")).to_have_attribute(
        "href", "https://github.com/chioma-eze"
    )
    assert_accessible(page)


def test_directory_search_updates_results_and_url(page, make_user, assert_accessible, app):
    from nexus_board.extensions import db
    from nexus_board.models import LearningKind, User
    from nexus_board.profiles import services

    make_user("gabriel", track="frontend", display_name="Gabriel Nunes")
    ada_id = make_user("ada", display_name="Ada Okafor")
    with app.app_context():
        services.add_learning(
            db.session.get(User, ada_id), kind=LearningKind.TECHNOLOGY, name="Django"
        )
        db.session.commit()
    page.goto("/learners")
    expect(page.locator("#result-count")).to_contain_text("2 learners")
    assert_accessible(page)
    page.get_by_label("Search learners").fill("djan")
    expect(page.locator("#result-count")).to_contain_text("1 learner matching “djan”")
    expect(page.get_by_role("link", name="Ada Okafor")).to_be_visible()
    expect(page.get_by_role("link", name="Gabriel Nunes")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/learners\?q=djan"))
    page.get_by_label("Track").select_option("frontend")
    expect(page.get_by_text("No learners match “djan” on the frontend track.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"track=frontend"))
    assert_accessible(page)
