"""Collaboration in a browser: a question answered and accepted, a code review claimed and done,
a project that looks for a partner found from the hub and joined. axe checks every page."""

from playwright.sync_api import expect
from sqlalchemy import select

from nexus_board.extensions import db
from nexus_board.models import Project, User
from nexus_board.teams import services as teams

from ..board.factories import post
from .conftest import sign_in


def test_a_question_answered_and_accepted(page, new_session, cast, assert_accessible):
    sign_in(page, "hana", "/updates")
    page.get_by_label("Your update").fill("How do I paginate a DRF list view?")
    page.get_by_label("This is a question").check()
    page.get_by_role("button", name="Post update").click()
    expect(page.locator("#flash")).to_contain_text("Your update is posted.")
    page.get_by_label("Show").select_option("unanswered")
    question = page.get_by_role("link", name="No replies yet · Unanswered")
    expect(question).to_be_visible()
    assert_accessible(page)
    question_url = question.get_attribute("href")

    ada = new_session().page
    sign_in(ada, "ada", question_url.split("#")[0])
    ada.get_by_label("Your reply").fill("Use `PageNumberPagination` in **settings**.")
    ada.get_by_role("button", name="Post reply").click()  # htmx: the thread answers in place
    expect(ada.locator("#thread")).to_contain_text("Use PageNumberPagination in settings.")
    expect(ada.locator("#flash")).to_contain_text("Your reply is posted.")
    expect(ada.get_by_role("button", name="Accept as the answer")).to_have_count(0)
    assert_accessible(ada)

    page.goto(question_url)
    expect(page.get_by_text("Waiting for an answer")).to_be_visible()
    page.get_by_role("button", name="Accept as the answer").click()
    expect(page.get_by_text("Accepted answer", exact=True)).to_be_visible()
    expect(page.get_by_text("Answered: the accepted answer by Ada Okafor")).to_be_visible()
    assert_accessible(page)

    ada.goto("/inbox")
    expect(ada.get_by_text("You wrote this answer.")).to_be_visible()


def test_a_review_request_claimed_and_done(page, new_session, cast, assert_accessible):
    sign_in(page, "ada", "/reviews/new")
    assert_accessible(page)
    page.get_by_label("Title").fill("Review my order endpoints")
    page.get_by_label("Link to the pull request or commit").fill("http://github.com/ada/shop/1")
    page.get_by_label("What to look at").fill("The **serializers**")
    page.get_by_label("Tags (language, framework)").fill("python, django")
    page.get_by_role("button", name="Ask for a review").click()
    expect(page.get_by_text("Use an https:// link")).to_be_visible()  # next to the field
    page.get_by_label("Link to the pull request or commit").fill("https://github.com/ada/shop/1")
    page.get_by_role("button", name="Ask for a review").click()
    expect(page.get_by_role("heading", name="Review my order endpoints")).to_be_visible()
    assert_accessible(page)

    brian = new_session().page
    sign_in(brian, "brian", "/reviews")
    brian.get_by_role("link", name="Review my order endpoints").click()
    brian.get_by_role("button", name="Claim this review").click()
    expect(brian.locator("#flash")).to_contain_text("You are reviewing")
    brian.get_by_label("Your review").fill("Solid. Rename `qs` to `orders`.")
    brian.get_by_role("button", name="Post the review and mark it done").click()
    expect(brian.get_by_text("Rename qs to orders.")).to_be_visible()
    expect(brian.locator("#review-panel")).to_contain_text("Done")
    assert_accessible(brian)

    page.reload()
    page.get_by_role("button", name="Thank the reviewer").click()
    expect(page.locator("#flash")).to_contain_text("You thanked for the review")
    page.goto("/reviews?mine=1")
    expect(page.locator("#column-done")).to_contain_text("Review my order endpoints")
    assert_accessible(page)


def test_a_project_looking_for_a_partner_is_found_from_the_hub_and_joined(
    app, page, new_session, cast, assert_accessible
):
    with app.app_context():
        post(cast["ada"])
        project = db.session.scalar(select(Project))
        ada = db.session.get(User, cast["ada"])
        teams.edit_details(project, ada, description="A shop", repository_url="",
                           looking_for="frontend")  # fmt: skip
        db.session.commit()
    sign_in(page, "hana", "/")
    partners = page.get_by_role("region", name="Projects looking for a partner")
    partners.get_by_role("link", name="E-commerce API").click()
    expect(page.get_by_role("heading", name="E-commerce API", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Ask to join E-commerce API").click()
    expect(page.get_by_text("You asked to join: a member will accept you.").first).to_be_visible()

    owner = new_session().page
    sign_in(owner, "ada", "/projects/e-commerce-api")
    owner.get_by_role("button", name="Accept Hana Tesfaye").click()
    expect(owner.locator("#flash")).to_contain_text("Hana Tesfaye is in the team.")
    members = owner.get_by_role("region", name="Frontend")
    expect(members.get_by_role("link", name="Hana Tesfaye")).to_be_visible()
    assert_accessible(owner)

    page.goto("/u/hana")
    expect(page.get_by_role("link", name="E-commerce API")).to_be_visible()
    assert_accessible(page)


def test_an_invite_link_made_by_an_admin_leads_a_newcomer_to_sign_up(
    page, new_session, cast, assert_accessible
):
    sign_in(page, "mentor", "/admin/invites")
    expect(page.get_by_text("No invite links yet.")).to_be_visible()
    page.get_by_label("Label").fill("Cohort 7, room B")
    page.get_by_label("Maximum number of sign-ups").fill("1")
    page.get_by_role("button", name="Create an invite link").click()
    expect(page.locator("#flash")).to_contain_text("is ready")
    row = page.get_by_role("row", name="Cohort 7, room B")
    expect(row).to_contain_text("0 of 1")
    assert_accessible(page)
    link = row.locator("code").inner_text()

    newcomer = new_session().page
    newcomer.goto(link)
    expect(newcomer.get_by_text("through the invite link “Cohort 7, room B”")).to_be_visible()
    assert_accessible(newcomer)
    newcomer.get_by_label("Username").fill("newcomer")
    newcomer.get_by_label("Display name").fill("New Comer")
    newcomer.get_by_label("Password").fill("a long enough password")
    newcomer.get_by_label("Frontend").check()
    newcomer.get_by_role("button", name="Create account").click()
    expect(newcomer.get_by_role("button", name="Sign out")).to_be_visible()

    late = new_session().page
    late.goto(link)
    expect(late.get_by_text("used as many times as it allows")).to_be_visible()
    expect(late.get_by_role("link", name="Sign up without a link")).to_be_visible()
    assert_accessible(late)
