"""Learners post, filter, scroll and delete updates in a real browser; visitors see the hub."""

import re
from datetime import UTC, datetime, timedelta

from playwright.sync_api import expect

from .conftest import sign_in


def test_posted_update_tops_the_feed_and_shows_on_the_anonymous_hub(
    page, new_session, make_user, make_update, assert_accessible
):
    ada = make_user("ada", display_name="Ada Okafor")
    make_user("gabriel", track="frontend", display_name="Gabriel Nunes")
    make_update(ada, "An older update", created_at=datetime.now(UTC) - timedelta(days=1))
    visitor = new_session().page
    visitor.goto("/")  # the anonymous hub is now in the cache
    recent = visitor.get_by_role("region", name="Recent updates")  # (Recent activity names it too)
    expect(recent.get_by_text("An older update")).to_be_visible()

    sign_in(page, "ada")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Updates").click()
    assert_accessible(page)
    composer = page.get_by_label("Your update")
    composer.fill("Shipped **cursor paging** in #drf with @gabriel")
    expect(page.get_by_text("characters left")).to_be_visible()
    page.get_by_role("button", name="Post update").click()

    feed = page.get_by_role("list", name="Updates, newest first")
    first = feed.get_by_role("listitem").first
    expect(first).to_contain_text("Shipped cursor paging in #drf with @gabriel")
    expect(first.get_by_role("link", name="@gabriel")).to_have_attribute("href", "/u/gabriel")
    expect(page.get_by_role("status").get_by_text("Your update is posted.")).to_be_visible()
    expect(page.get_by_label("Your update")).to_have_value("")
    expect(page.get_by_label("Your update")).to_be_focused()
    assert_accessible(page)

    visitor.reload()
    recent = visitor.get_by_role("region", name="Recent updates")
    expect(recent.get_by_role("listitem").first).to_contain_text("Shipped cursor paging")
    expect(visitor.get_by_role("button", name="Sign out")).to_have_count(0)
    assert_accessible(visitor)


def test_too_long_update_keeps_the_text_and_explains(page, make_user, assert_accessible):
    make_user("ada", display_name="Ada Okafor")
    sign_in(page, "ada")
    page.goto("/updates")
    # The browser stops typing at 1,000; a pasted CRLF text can still be too long for a form
    # without that limit, so remove it the way an old browser would ignore it.
    page.get_by_label("Your update").evaluate("el => el.removeAttribute('maxlength')")
    page.get_by_label("Your update").fill("x" * 1001)
    page.get_by_role("button", name="Post update").click()
    expect(page.get_by_text("Keep it to 1,000 characters; this is 1,001.")).to_be_visible()
    expect(page.get_by_label("Your update")).to_have_value("x" * 1001)
    assert_accessible(page)


def test_filter_scroll_and_delete(page, make_user, make_update, assert_accessible):
    ada = make_user("ada", display_name="Ada Okafor")
    start = datetime.now(UTC) - timedelta(days=3)
    for n in range(25):
        tag = "#drf" if n % 5 == 0 else "#docker"
        make_update(ada, f"Step {n} {tag}", created_at=start + timedelta(minutes=n))
    sign_in(page, "ada")
    page.goto("/updates")
    feed = page.get_by_role("list", name="Updates, newest first")
    expect(feed.get_by_role("article")).to_have_count(20)
    page.get_by_role("link", name="Older updates").scroll_into_view_if_needed()
    expect(feed.get_by_text("Step 0 #drf")).to_be_visible()  # loaded when revealed
    expect(feed.get_by_role("article")).to_have_count(25)
    expect(page.get_by_text("You have reached the first update.")).to_be_visible()

    page.get_by_label("Tag").fill("drf")
    page.get_by_label("Tag").press("Enter")
    expect(page).to_have_url(re.compile(r"/updates\?tag=drf"))
    expect(page.get_by_role("heading", name="Updates tagged #drf")).to_be_visible()
    expect(feed.get_by_role("article")).to_have_count(5)
    assert_accessible(page)

    page.once("dialog", lambda dialog: dialog.accept())
    item = feed.get_by_role("listitem").filter(has_text="Step 20 #drf")
    item.get_by_role("button", name=re.compile("^Delete")).click()
    expect(feed.get_by_text("Step 20 #drf")).to_have_count(0)
    expect(page.get_by_role("status").get_by_text("The update is deleted.")).to_be_visible()
    expect(feed.get_by_role("article")).to_have_count(4)
