"""A person signs up, sees their name, signs out and back in, in a real browser."""

import re

from playwright.sync_api import expect

PASSWORD = "correct horse battery staple"


def test_sign_up_sign_out_sign_in(page, assert_accessible):
    page.goto("/")
    expect(page.get_by_role("heading", name="Project Nexus hub")).to_be_visible()
    assert page.evaluate("typeof window.htmx") == "object"  # htmx loaded from static/
    assert_accessible(page)

    page.get_by_role("link", name="Sign up").click()
    assert_accessible(page)
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Display name").fill("Ada Okafor")
    page.get_by_label("Password").fill("too short")
    page.get_by_label("Backend").check()
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("Use at least 12 characters")).to_be_visible()
    assert_accessible(page)  # the form with an error is still accessible
    expect(page.get_by_label("Display name")).to_have_value("Ada Okafor")

    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Ada Okafor")).to_be_visible()
    expect(page.get_by_text("Welcome to Nexus Board, Ada Okafor!")).to_be_visible()

    nav.get_by_role("button", name="Sign out").click()
    expect(nav.get_by_role("link", name="Sign in")).to_be_visible()
    expect(nav.get_by_role("link", name="Ada Okafor")).to_have_count(0)

    nav.get_by_role("link", name="Sign in").click()
    assert_accessible(page)
    page.get_by_label("Username or email").fill("ada")
    page.get_by_label("Password").fill("wrong password here")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("do not match an account")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Keep me signed in on this device").check()
    page.get_by_role("button", name="Sign in").click()
    expect(nav.get_by_role("link", name="Ada Okafor")).to_be_visible()


def test_settings_page_changes_the_display_name(page, assert_accessible, make_user):
    make_user("ada", display_name="Ada Okafor")
    page.goto("/settings")
    expect(page).to_have_url(re.compile(r"/sign-in\?next=/settings"))
    page.get_by_label("Username or email").fill("ada")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Account settings")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Display name").fill("Ada O.")
    page.get_by_role("button", name="Save details").click()
    expect(page.get_by_text("Your settings are saved.")).to_be_visible()
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Ada O.")
    ).to_be_visible()
