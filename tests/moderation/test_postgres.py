"""Moderation on PostgreSQL: reports once, the queue, hiding, and a log the database guards."""

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from nexus_board import audit, create_app
from nexus_board.auth import services as accounts
from nexus_board.extensions import db
from nexus_board.models import AuditEntry, Report, User
from nexus_board.moderation import services as moderation
from nexus_board.updates.services import post_update

from ..conftest import PASSWORD, Auth, config_for

pytestmark = pytest.mark.services


def register(name: str, role: str = "learner") -> User:
    return accounts.register(username=name, display_name=name.title(), password=PASSWORD,
                             track="backend", role=role)  # fmt: skip


def test_reporting_hiding_and_the_queue_work_on_postgresql(make_app, postgres_database):
    app = make_app(SQLALCHEMY_DATABASE_URI=postgres_database)
    with app.app_context():
        ada, brian = register("ada"), register("brian")
        register("mentor", "admin")
        update = post_update(ada, "Buy followers")
        db.session.commit()
        update_id = update.id
        moderation.report("update", update_id, brian, "spam", "Twice")
        db.session.commit()
        db.session.add(Report(kind="update", item_id=update_id, reporter_id=brian.id,
                              reason="abuse"))  # fmt: skip
        with pytest.raises(IntegrityError):  # the constraint itself, past the service
            db.session.flush()
        db.session.rollback()
    admin = app.test_client()
    Auth(admin).sign_in("mentor")
    assert "Buy followers" in admin.get("/admin/reports").get_data(as_text=True)
    hidden = admin.post(f"/moderation/update/{update_id}/hide", data={"reason": "Spam"})
    assert hidden.status_code == 303
    assert "Buy followers" not in app.test_client().get("/updates").get_data(as_text=True)
    assert "Spam" in admin.get("/admin/audit?kind=update").get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Report.resolution)) == "hidden"


def test_the_migration_makes_postgresql_refuse_changes_to_the_log(tmp_path, postgres_database):
    app = create_app(config_for(tmp_path) | {"SQLALCHEMY_DATABASE_URI": postgres_database})
    with app.app_context():
        upgrade()
        mentor = register("mentor", "admin")
        audit.log(mentor, "update", 1, "hide", reason="Spam")
        db.session.commit()
        for sql in ("UPDATE audit_log SET reason = 'x'", "DELETE FROM audit_log",
                    "TRUNCATE audit_log"):  # fmt: skip
            with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as sql_run:
                sql_run.execute(text(sql))
        assert db.session.scalar(select(AuditEntry.reason)) == "Spam"
        db.session.remove()
        downgrade(revision="0012")  # the trigger and its function go with the table
        upgrade()
        db.engine.dispose()


def test_replies_and_review_requests_hide_and_delete_on_postgresql(make_app, postgres_database):
    from nexus_board.replies.services import add_reply
    from nexus_board.reviews.services import request_review

    app = make_app(SQLALCHEMY_DATABASE_URI=postgres_database)
    with app.app_context():
        ada, brian = register("ada"), register("brian")
        register("mentor", "admin")
        question = post_update(ada, "Which pagination?", question=True)
        reply = add_reply(question, brian, "Buy followers")
        review = request_review(brian, title="Spam review", link="https://github.com/a/b/pull/1",
                                focus="All", tags="go")  # fmt: skip
        db.session.commit()
        ids = question.id, reply.id, review.id
    admin, visitor = app.test_client(), app.test_client()
    Auth(admin).sign_in("mentor")
    for kind, item_id in (("reply", ids[1]), ("review", ids[2])):
        hidden = admin.post(f"/moderation/{kind}/{item_id}/hide", data={"reason": "Spam"})
        assert hidden.status_code == 303
    assert "Buy followers" not in visitor.get(f"/updates/{ids[0]}").get_data(as_text=True)
    assert "Spam review" not in visitor.get("/reviews").get_data(as_text=True)
    for kind, item_id in (("reply", ids[1]), ("review", ids[2])):
        deleted = admin.post(f"/moderation/{kind}/{item_id}/delete", data={"reason": "Spam"})
        assert deleted.status_code == 303
    with app.app_context():
        rows = db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
        assert rows == ["hide", "hide", "delete", "delete"]
