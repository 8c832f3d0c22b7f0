"""Moderation over HTTP: reporting in place, the queue, hiding from cached pages, the log."""

import re

import pytest
from sqlalchemy import select

from nexus_board.board import services as board
from nexus_board.extensions import db
from nexus_board.models import AuditEntry, Contract, Report, User
from nexus_board.moderation import services as moderation
from nexus_board.updates.services import post_update

from ..board.factories import post
from ..conftest import Auth

HTMX = {"HX-Request": "true"}


def user(name: str) -> User:
    return db.session.scalar(select(User).where(User.username == name))


def update_by(app, name: str, body: str) -> int:
    with app.app_context():
        update = post_update(user(name), body)
        db.session.commit()
        return update.id


def comment_by(app, cast, name: str, body: str) -> tuple[int, int]:
    with app.app_context():
        contract_id = post(cast["ada"])
        comment = board.add_comment(db.session.get(Contract, contract_id), user(name), body)
        db.session.commit()
        return contract_id, comment.id


def reports(app) -> list[tuple]:
    with app.app_context():
        rows = db.session.scalars(select(Report).order_by(Report.id))
        return [(r.kind, r.reason, r.note, r.resolution) for r in rows]


def test_a_hidden_update_leaves_the_cached_feed_and_hub_at_once(app, cast, client, client_as):
    update_id = update_by(app, "hana", "Buy followers now")
    for url in ("/updates", "/", "/activity", "/u/hana"):
        assert "Buy followers now" in client.get(url).get_data(as_text=True)  # now cached
    mentor = client_as("mentor")
    hidden = mentor.post(f"/moderation/update/{update_id}/hide", data={"reason": "Spam"})
    assert hidden.status_code == 303
    for url in ("/updates", "/", "/activity", "/u/hana", "/updates.atom"):
        assert "Buy followers now" not in client.get(url).get_data(as_text=True), url
    assert client.get(f"/updates/{update_id}").status_code == 404
    assert client_as("brian").get(f"/updates/{update_id}").status_code == 404
    own = client_as("hana").get(f"/updates/{update_id}").get_data(as_text=True)
    assert "Hidden by a moderator:" in own and "Spam" in own and "Buy followers now" in own
    inbox = client_as("hana").get("/inbox").get_data(as_text=True)
    assert "Grace Mentor hid" in inbox and "(update: Spam)" in inbox


def test_a_hidden_comment_leaves_the_cached_contract_page(app, cast, client, client_as):
    contract_id, comment_id = comment_by(app, cast, "hana", "Rude words here")
    assert "Rude words here" in client.get(f"/contracts/{contract_id}").get_data(as_text=True)
    mentor = client_as("mentor")
    response = mentor.post(
        f"/moderation/comment/{comment_id}/hide", data={"reason": "Rude"}, headers=HTMX
    )
    assert response.status_code == 200 and "<html" not in response.get_data(as_text=True)
    assert "Hidden. Its author sees why." in response.get_data(as_text=True)
    assert "Rude words here" not in client.get(f"/contracts/{contract_id}").get_data(as_text=True)
    others = client_as("gabriel").get(f"/contracts/{contract_id}").get_data(as_text=True)
    assert "Rude words here" not in others
    own = client_as("hana").get(f"/contracts/{contract_id}").get_data(as_text=True)
    assert "Hidden by a moderator:" in own and "Rude words here" in own


def test_a_deleted_update_is_gone_and_its_author_told_why(app, cast, client, client_as):
    update_id = update_by(app, "hana", "Doxxing someone")
    mentor = client_as("mentor")
    response = mentor.post(f"/moderation/update/{update_id}/delete", data={"reason": "Privacy"})
    assert response.status_code == 303 and response.headers["Location"] == "/admin/reports"
    assert client.get(f"/updates/{update_id}").status_code == 404
    assert "Doxxing someone" not in client.get("/updates").get_data(as_text=True)
    inbox = client_as("hana").get("/inbox").get_data(as_text=True)
    assert "removed" in inbox and "(update: Privacy)" in inbox and "Doxxing" not in inbox


def test_a_reason_left_out_is_said_next_to_the_field_and_nothing_changes(app, cast, client_as):
    update_id = update_by(app, "hana", "Fine update")
    mentor = client_as("mentor")
    for headers in ({}, HTMX):
        response = mentor.post(
            f"/moderation/update/{update_id}/hide", data={"reason": " "}, headers=headers
        )
        page = response.get_data(as_text=True)
        assert response.status_code == 422
        assert 'aria-invalid="true"' in page and "Say why" in page
    with app.app_context():
        assert db.session.scalar(select(AuditEntry)) is None
    assert "Fine update" in client_as("brian").get("/updates").get_data(as_text=True)


def test_a_learner_reports_in_place_or_with_a_plain_form(app, cast, client_as):
    update_id = update_by(app, "hana", "Suspicious link")
    _, comment_id = comment_by(app, cast, "hana", "Another")
    brian = client_as("brian")
    feed = brian.get("/updates").get_data(as_text=True)
    assert f'action="/report/update/{update_id}"' in feed and "<summary>Report" in feed
    done = brian.post(f"/report/update/{update_id}", data={"reason": "spam", "note": "Phishing"},
                      headers=HTMX)  # fmt: skip
    assert done.status_code == 200 and "An admin will look at it." in done.get_data(as_text=True)
    plain = brian.post(f"/report/comment/{comment_id}", data={"reason": "abuse"})
    assert plain.status_code == 303 and f"#comment-{comment_id}" in plain.headers["Location"]
    again = brian.post(f"/report/update/{update_id}", data={"reason": "abuse"}, headers=HTMX)
    assert again.status_code == 409 and "reported this already" in again.get_data(as_text=True)
    assert reports(app) == [("update", "spam", "Phishing", None), ("comment", "abuse", "", None)]


@pytest.mark.parametrize(
    ("data", "field"), [({"reason": ""}, "reason"), ({"reason": "spam", "note": "x" * 501}, "note")]
)
def test_a_bad_report_is_said_next_to_the_field_and_nothing_is_saved(
    app, cast, client_as, data, field
):
    update_id = update_by(app, "hana", "Something")
    brian = client_as("brian")
    for headers in ({}, HTMX):
        response = brian.post(f"/report/update/{update_id}", data=data, headers=headers)
        page = response.get_data(as_text=True)
        assert response.status_code == 422
        assert f'id="report-update-{update_id}-{field}-error"' in page
    assert reports(app) == []


def test_the_queue_lists_open_reports_oldest_first_and_settles_them(app, cast, client_as):
    first = update_by(app, "hana", "First reported")
    second = update_by(app, "gabriel", "Second reported")
    brian = client_as("brian")
    for update_id in (first, second):
        brian.post(f"/report/update/{update_id}", data={"reason": "spam"})
    mentor = client_as("mentor")
    queue = mentor.get("/admin/reports").get_data(as_text=True)
    assert queue.index("First reported") < queue.index("Second reported")
    assert f'href="/updates/{first}"' in queue and ">Dismiss<" in queue
    with app.app_context():
        report_id = db.session.scalar(select(Report.id).where(Report.item_id == second))
    dismissed = mentor.post(f"/admin/reports/{report_id}/dismiss", headers=HTMX)
    assert dismissed.status_code == 200 and "Dismissed" in dismissed.get_data(as_text=True)
    hidden = mentor.post(f"/moderation/update/{first}/hide",
                         data={"reason": "Spam", "view": "queue"}, headers=HTMX)  # fmt: skip
    assert hidden.status_code == 200
    assert "No open reports" in mentor.get("/admin/reports").get_data(as_text=True)
    assert [r[3] for r in reports(app)] == ["hidden", "dismissed"]


def test_the_queue_and_the_log_are_paged(app, cast, client_as):
    with app.app_context():
        for n in range(55):
            update = post_update(user("hana"), f"Update {n}")
            moderation.report("update", update.id, user("brian"), "spam")
            moderation.hide("update", update.id, user("mentor"), f"Reason {n}")
        for n in range(30):
            update = post_update(user("gabriel"), f"Later {n}")
            moderation.report("update", update.id, user("brian"), "spam")
        db.session.commit()
    mentor = client_as("mentor")
    log = mentor.get("/admin/audit").get_data(as_text=True)
    assert log.count("<tr>") == 1 + 50 and "Reason 54" in log and "Reason 4<" not in log
    older = re.search(r'href="(/admin/audit\?before=\d+)"', log).group(1)
    rest = mentor.get(older).get_data(as_text=True)
    assert rest.count("<tr>") == 1 + 5 and "Reason 0" in rest
    queue = mentor.get("/admin/reports").get_data(as_text=True)
    assert queue.count('class="card report-row"') == 25 and "Later 0" in queue
    after = re.search(r'href="(/admin/reports\?after=\d+)"', queue).group(1)
    rest = mentor.get(after).get_data(as_text=True)
    assert rest.count('class="card report-row"') == 5 and "Later 29" in rest
    assert mentor.get("/admin/reports?after=²").status_code == 400


def test_the_audit_log_filters_by_kind_and_admin(app, cast, client_as, make_user):
    make_user("second", role="admin", display_name="Second Admin")
    update_id = update_by(app, "hana", "An update")
    contract_id, comment_id = comment_by(app, cast, "hana", "A comment")
    with app.app_context():
        moderation.hide("update", update_id, user("mentor"), "Spam")
        moderation.hide("comment", comment_id, user("second"), "Rude")
        db.session.commit()
        second = user("second").id
    mentor = client_as("mentor")
    every = mentor.get("/admin/audit").get_data(as_text=True)
    assert "update #" in every and "comment #" in every
    comments = mentor.get("/admin/audit?kind=comment").get_data(as_text=True)
    assert "comment #" in comments and "update #" not in comments
    by_second = mentor.get(f"/admin/audit?actor={second}").get_data(as_text=True)
    assert "Rude" in by_second and "Spam" not in by_second
    assert client_as("brian").get("/admin/audit").status_code == 403
    assert client_as("brian").get("/admin/reports").status_code == 403


def test_reporting_is_rate_limited_per_learner(make_app, cast):
    app = make_app(RATELIMIT_ENABLED=True)
    ids = [update_by(app, "hana", f"Update {n}") for n in range(11)]
    brian = app.test_client()
    Auth(brian).sign_in("brian")
    statuses = [brian.post(f"/report/update/{i}", data={"reason": "spam"}).status_code for i in ids]
    assert statuses == [303] * 10 + [429]


def test_the_demo_cohort_has_a_report_waiting(app, runner, client):
    assert runner.invoke(args=["nexus", "demo", "--password", "demo password 12"]).exit_code == 0
    Auth(client).sign_in("mentor", password="demo password 12")
    queue = client.get("/admin/reports").get_data(as_text=True)
    assert "Not about the project, I think." in queue and "by Brian Mwangi" in queue


def test_the_queue_reads_a_fixed_number_of_statements(app, cast, client_as, count_queries):
    mentor = client_as("mentor")

    def report_some(n: int):
        with app.app_context():
            for i in range(n):
                update = post_update(user("hana"), f"Update {i}")
                contract = db.session.get(Contract, post(cast["ada"], path=f"/api/v1/q{n}x{i}"))
                comment = board.add_comment(contract, user("hana"), f"Comment {i}")
                for kind, item_id in (("update", update.id), ("comment", comment.id),
                                      ("contract", contract.id)):  # fmt: skip
                    moderation.report(kind, item_id, user("brian"), "spam")
            db.session.commit()

    report_some(1)
    mentor.get("/admin/reports")  # the unread badge is kept from here on
    with count_queries() as small:
        assert mentor.get("/admin/reports").status_code == 200
    report_some(7)
    with count_queries() as large:
        assert mentor.get("/admin/reports").get_data(as_text=True).count("report-row") == 24
    assert len(large) == len(small)
