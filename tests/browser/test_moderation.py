"""A learner reports an update in place, an admin hides it from the queue, visitors lose it
from the feed, and its author sees the moderator's reason."""

from playwright.sync_api import expect
from sqlalchemy import select

from nexus_board.extensions import db
from nexus_board.models import User
from nexus_board.updates.services import post_update

from .conftest import sign_in


def test_report_hide_from_the_queue_and_the_author_sees_why(
    app, page, new_session, cast, assert_accessible
):
    with app.app_context():
        hana = db.session.scalar(select(User).where(User.username == "hana"))
        update_id = post_update(hana, "Cheap followers at example.com").id
        db.session.commit()

    sign_in(page, "brian", "/updates")
    item = page.locator(f"#update-{update_id}")
    item.locator("summary", has_text="Report").focus()
    page.keyboard.press("Enter")  # opens the disclosure
    item.get_by_label("Why are you reporting it?").select_option(label="Spam or advertising")
    item.get_by_label("Note for the admins (optional)").fill("A link farm")
    item.get_by_role("button", name="Send the report").click()  # htmx: answered in place
    expect(item.get_by_role("status")).to_have_text("Thank you. An admin will look at it.")
    assert_accessible(page)

    admin = new_session().page
    sign_in(admin, "mentor", "/")
    admin.get_by_role("link", name="Reports").click()
    row = admin.locator(".report-row", has_text="Cheap followers")
    expect(row).to_contain_text("A link farm")
    assert_accessible(admin)
    row.get_by_label("Reason").fill("Spam: paid followers")
    row.get_by_role("button", name="Hide").click()
    expect(admin.locator("li.settled")).to_have_text("Hidden. Its author sees why.")
    admin.goto("/admin/audit")
    expect(admin.get_by_role("cell", name="Spam: paid followers")).to_be_visible()
    assert_accessible(admin)

    visitor = new_session().page
    visitor.goto("/updates")
    expect(visitor.get_by_text("Cheap followers")).to_have_count(0)

    author = new_session().page
    sign_in(author, "hana", f"/updates/{update_id}")
    expect(author.get_by_role("note")).to_have_text("Hidden by a moderator: Spam: paid followers")
    assert_accessible(author)
