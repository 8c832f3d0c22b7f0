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


def test_back_after_signing_out_shows_nothing_private(page, assert_accessible, make_user):
    from .conftest import sign_in

    make_user("ada", display_name="Ada Okafor")
    sign_in(page, "ada", "/settings")
    expect(page.get_by_role("heading", name="Your devices")).to_be_visible()
    assert_accessible(page)  # settings: details, password, devices, tokens, your data
    page.goto("/learners")
    page.get_by_role("searchbox").fill("Ada")  # htmx pushes the search into history
    expect(page).to_have_url(re.compile(r"/learners\?q=Ada"))
    history = page.evaluate("localStorage.getItem('htmx-history-cache') || ''")
    assert "Ada Okafor" not in history and "csrf" not in history.lower()

    page.get_by_role("navigation", name="Main").get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You are signed out.")).to_be_visible()
    for _ in range(2):  # back to the search, then to the settings page
        page.go_back()
        expect(page.get_by_role("button", name="Sign out", exact=True)).to_have_count(0)
        expect(page.get_by_role("heading", name="Account settings")).to_have_count(0)
        expect(page.get_by_role("navigation", name="Main")).not_to_contain_text("Ada Okafor")
    assert page.evaluate("localStorage.getItem('htmx-history-cache')") in (None, "[]")


def test_a_second_device_is_listed_and_signed_out_from_the_first(
    new_session, make_user, assert_accessible
):
    from .conftest import sign_in

    make_user("ada", display_name="Ada Okafor")
    laptop, phone = new_session().page, new_session().page
    sign_in(laptop, "ada", "/settings")
    sign_in(phone, "ada", "/settings")
    laptop.reload()
    devices = laptop.get_by_role("region", name="Your devices")
    expect(devices.get_by_role("listitem")).to_have_count(2)
    devices.get_by_role("listitem").filter(has_not_text="This device").get_by_role(
        "button", name=re.compile("^Sign out")
    ).click()
    expect(devices.get_by_role("listitem")).to_have_count(1)
    assert_accessible(laptop)
    phone.reload()
    expect(phone.get_by_role("link", name="Sign in")).to_be_visible()


def test_delete_my_account_shows_what_happens_first(page, make_user, assert_accessible):
    from .conftest import sign_in

    make_user("ada", display_name="Ada Okafor")
    sign_in(page, "ada", "/settings")
    page.get_by_role("link", name="Delete my account…").click()
    expect(page.get_by_role("heading", name="What stays")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Type your username to confirm").fill("ada")
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_text("Your account is deleted.")).to_be_visible()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
