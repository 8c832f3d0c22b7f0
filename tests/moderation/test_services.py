"""Moderation's rules without HTTP: who may, what a reason is, reports once, the log stays."""

import pytest
from sqlalchemy import delete, select, text, update

from nexus_board import audit
from nexus_board.board import services as board
from nexus_board.errors import Conflict, Forbidden, Invalid, NotFound
from nexus_board.extensions import db
from nexus_board.models import AuditEntry, Comment, Contract, Report, Update, User
from nexus_board.models.moderation import AppendOnly
from nexus_board.moderation import services as moderation
from nexus_board.moderation.kinds import KINDS
from nexus_board.replies.services import add_reply
from nexus_board.reviews.services import request_review
from nexus_board.updates.services import post_update

from ..board.factories import post


def user(name: str) -> User:
    return db.session.scalar(select(User).where(User.username == name))


@pytest.fixture
def items(app, cast):
    """ada's update, reply, comment, contract and review request, by kind: their ids."""
    with app.app_context():
        contract_id = post(cast["ada"])
        contract = db.session.get(Contract, contract_id)
        comment = board.add_comment(contract, user("ada"), "A comment")
        update = post_update(user("ada"), "An update")
        reply = add_reply(update, user("ada"), "A reply")
        review = request_review(user("ada"), title="A review", link="https://github.com/a/b/pull/1",
                                focus="The models", tags="")  # fmt: skip
        db.session.commit()
        ids = {"update": update.id, "comment": comment.id, "contract": contract_id,
               "reply": reply.id, "review": review.id}  # fmt: skip
    with app.app_context():
        yield ids


@pytest.mark.parametrize("kind", KINDS)
def test_an_admin_hides_and_shows_again_with_one_audit_row_each(items, kind):
    moderation.hide(kind, items[kind], user("mentor"), "  Spam  ")
    db.session.commit()
    item = KINDS[kind].load(items[kind])
    assert item.hidden_at is not None and item.hidden_reason == "Spam" and item.hidden_by_admin
    moderation.unhide(kind, items[kind], user("mentor"))
    db.session.commit()
    assert KINDS[kind].load(items[kind]).hidden_at is None
    rows = db.session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [(r.kind, r.item_id, r.action, r.reason, r.actor_name) for r in rows] == [
        (kind, items[kind], "hide", "Spam", "Grace Mentor"),
        (kind, items[kind], "unhide", "", "Grace Mentor"),
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_an_admin_deletes_for_good_and_the_log_keeps_what_it_was(items, kind):
    summary = KINDS[kind].summary(KINDS[kind].load(items[kind]))
    moderation.delete(kind, items[kind], user("mentor"), "Duplicate")
    db.session.commit()
    assert KINDS[kind].load(items[kind]) is None
    row = db.session.scalar(select(AuditEntry))
    assert (row.action, row.reason, row.summary) == ("delete", "Duplicate", summary)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", ["ada", "brian", "hana"])
def test_learners_cannot_moderate_even_their_own(items, kind, name):
    for action in (moderation.hide, moderation.delete):
        with pytest.raises(Forbidden):
            action(kind, items[kind], user(name), "Spam")
    assert db.session.scalar(select(AuditEntry)) is None


@pytest.mark.parametrize("reason", ["", "   ", "two\nlines", "x" * 201, "\u200b"])
def test_a_reason_is_one_visible_line_or_nothing_is_saved(items, reason):
    with pytest.raises(Invalid) as raised:
        moderation.hide("update", items["update"], user("mentor"), reason)
    assert "reason" in raised.value.errors
    db.session.rollback()
    assert db.session.get(Update, items["update"]).hidden_at is None
    assert db.session.scalar(select(AuditEntry)) is None


def test_hiding_twice_is_a_conflict(items):
    moderation.hide("comment", items["comment"], user("mentor"), "Spam")
    with pytest.raises(Conflict):
        moderation.hide("comment", items["comment"], user("mentor"), "Spam")


def test_a_learner_reports_once_and_never_their_own(items):
    moderation.report("update", items["update"], user("brian"), "spam", "  Bought followers ")
    db.session.commit()
    with pytest.raises(Conflict):
        moderation.report("update", items["update"], user("brian"), "abuse")
    with pytest.raises(Forbidden):
        moderation.report("update", items["update"], user("ada"), "spam")
    row = db.session.scalar(select(Report))
    assert (row.reason, row.note, row.reporter_id) == ("spam", "Bought followers", user("brian").id)


@pytest.mark.parametrize(
    ("reason", "note", "field"), [("", "", "reason"), ("nonsense", "", "reason"),
                                  ("spam", "x" * 501, "note")]
)  # fmt: skip
def test_a_bad_report_names_its_field_and_saves_nothing(items, reason, note, field):
    with pytest.raises(Invalid) as raised:
        moderation.report("comment", items["comment"], user("brian"), reason, note)
    assert field in raised.value.errors
    assert db.session.scalar(select(Report)) is None


def test_a_hidden_item_or_one_on_a_hidden_contract_cannot_be_reported(items):
    moderation.hide("update", items["update"], user("mentor"), "Spam")
    moderation.hide("contract", items["contract"], user("mentor"), "Spam")
    db.session.commit()
    for kind in ("update", "contract", "comment"):  # the comment's contract is hidden
        with pytest.raises(NotFound):
            moderation.report(kind, items[kind], user("brian"), "spam")


def test_hiding_settles_every_open_report_of_the_item_and_dismissing_one(items):
    for name in ("brian", "hana"):
        moderation.report("update", items["update"], user(name), "spam")
    other = moderation.report("comment", items["comment"], user("brian"), "abuse")
    db.session.commit()
    moderation.hide("update", items["update"], user("mentor"), "Spam")
    moderation.dismiss(other.id, user("mentor"))
    db.session.commit()
    rows = db.session.scalars(select(Report).order_by(Report.id)).all()
    assert [r.resolution for r in rows] == ["hidden", "hidden", "dismissed"]
    assert [r.action for r in db.session.scalars(select(AuditEntry))] == ["hide", "dismiss"]
    with pytest.raises(Conflict):
        moderation.dismiss(other.id, user("mentor"))


def test_an_admin_deleting_from_the_old_buttons_is_audited_too(items):
    board.delete_contract(db.session.get(Contract, items["contract"]), user("mentor"))
    db.session.commit()
    row = db.session.scalar(select(AuditEntry))
    assert (row.kind, row.action, row.reason) == ("contract", "delete", "")


def test_an_authors_own_deletion_is_no_moderation(items):
    board.delete_contract(db.session.get(Contract, items["contract"]), user("ada"))
    db.session.commit()
    assert db.session.scalar(select(AuditEntry)) is None


def test_the_orm_refuses_to_change_or_delete_an_audit_row(items):
    audit.log(user("mentor"), "update", items["update"], "hide", reason="Spam")
    db.session.commit()
    row = db.session.scalar(select(AuditEntry))
    row.reason = "Nothing happened"
    with pytest.raises(AppendOnly):
        db.session.commit()
    db.session.rollback()
    db.session.delete(db.session.scalar(select(AuditEntry)))
    with pytest.raises(AppendOnly):
        db.session.commit()
    db.session.rollback()
    for statement in (update(AuditEntry).values(reason="x"), delete(AuditEntry)):
        with pytest.raises(AppendOnly):
            db.session.execute(statement)
        db.session.rollback()
    assert db.session.scalar(select(AuditEntry.reason)) == "Spam"


def test_the_database_refuses_plain_sql_on_the_audit_log(items):
    audit.log(user("mentor"), "update", items["update"], "hide", reason="Spam")
    db.session.commit()
    for sql in ("UPDATE audit_log SET reason = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(Exception, match="append-only"), db.engine.begin() as connection:
            connection.execute(text(sql))
    assert db.session.scalar(select(AuditEntry.reason)) == "Spam"


def test_a_deleted_comment_leaves_its_thread(items):
    moderation.delete("comment", items["comment"], user("mentor"), "Spam")
    db.session.commit()
    assert db.session.get(Comment, items["comment"]) is None


def test_disabling_and_enabling_an_account_is_audited(items):
    from nexus_board.auth import services as accounts

    accounts.set_disabled(user("hana"), True, by=user("mentor"), reason="Spam accounts")
    accounts.set_disabled(user("hana"), False, by=user("mentor"))
    db.session.commit()
    rows = db.session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [(r.kind, r.item_id, r.action, r.reason, r.summary) for r in rows] == [
        ("account", user("hana").id, "disable", "Spam accounts", "hana"),
        ("account", user("hana").id, "enable", "", "hana"),
    ]
