"""On PostgreSQL a request that only read ends with a COMMIT, so psycopg's prepared statements
outlive it; one that wrote, failed or left a change pending still ends with a ROLLBACK."""

import pytest
from sqlalchemy import select, text

from nexus_board import database
from nexus_board.auth import services as accounts
from nexus_board.extensions import db
from nexus_board.models import User

pytestmark = [
    pytest.mark.services,
    pytest.mark.filterwarnings("ignore:Flask-Caching. CACHE_TYPE is set to NullCache"),
]


@pytest.fixture
def app(make_app, postgres_database):
    app = make_app(SQLALCHEMY_DATABASE_URI=postgres_database, CACHE_TYPE="NullCache")
    with app.app_context():
        accounts.register(username="elodie", display_name="Élodie Martin", password="x" * 12,
                          track="backend")  # fmt: skip
        db.session.commit()
    return app


def _plans(app, *parts: str) -> tuple[int, int]:
    """(generic, custom) plans of the prepared statement whose text has every one of `parts`."""
    found = " AND ".join(f"statement LIKE :part{n}" for n in range(len(parts)))
    values = {f"part{n}": f"%{part}%" for n, part in enumerate(parts)}
    query = f"SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE {found}"  # noqa: S608
    with app.app_context():
        plans = db.session.execute(text(query), values).all()
    assert plans, f"no prepared statement has {parts}"
    return tuple(plans[0])


def _prepared(app) -> int:
    with app.app_context():
        return db.session.scalar(text("SELECT count(*) FROM pg_prepared_statements"))


def test_reading_pages_keeps_the_statements_prepared(app):
    client = app.test_client()
    for _ in range(6):  # psycopg prepares a statement the fifth time a connection runs it
        assert client.get("/u/elodie").status_code == 200
    assert _prepared(app) > 0  # one connection served them all, and kept them


def test_a_read_only_context_commits_and_a_writing_one_rolls_back(app):
    with app.app_context():
        db.session.scalar(select(User.id))
        connection = db.session.connection()
        assert not connection.info.get(database.WROTE)
    with app.app_context():  # a write never committed: its rollback still comes
        user = db.session.scalar(select(User))
        db.session.execute(text("UPDATE users SET display_name = 'Changed'"))
        assert db.session.connection().info.get(database.WROTE)
    with app.app_context():
        assert db.session.scalar(select(User.display_name)) == "Élodie Martin"
        user = db.session.scalar(select(User))
        user.display_name = "Pending"  # a change never flushed is not committed either
    with app.app_context():
        assert db.session.scalar(select(User.display_name)) == "Élodie Martin"


def test_a_failed_request_after_a_flush_writes_nothing(app):
    @app.get("/fails-after-a-flush")
    def fails():
        user = db.session.scalar(select(User))
        user.display_name = "Half saved"
        db.session.flush()
        raise RuntimeError("after the flush")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    assert app.test_client().get("/fails-after-a-flush").status_code == 500
    with app.app_context():
        assert db.session.scalar(select(User.display_name)) == "Élodie Martin"


def test_a_feed_page_past_a_cursor_is_not_planned_again_on_every_request(app):
    """Its LIMIT is written into the SQL: bound, PostgreSQL's generic plan for it looked dear,
    so every execution of the prepared statement got a custom plan (0.9 ms of its 1.3)."""
    from datetime import timedelta

    from sqlalchemy import insert

    from nexus_board.models import Update
    from nexus_board.models.types import utcnow
    from nexus_board.updates.queries import cursor_of

    with app.app_context():
        author = db.session.scalar(select(User.id))
        start = utcnow() - timedelta(days=30)
        rows = [{"author_id": author, "body": f"Update {n}",
                 "created_at": start + timedelta(minutes=n)} for n in range(5_000)]  # fmt: skip
        db.session.execute(insert(Update), rows)
        db.session.commit()
        db.session.execute(text("ANALYZE updates"))
        db.session.commit()
        deep = db.session.scalars(select(Update).order_by(Update.id).offset(2_000).limit(1)).one()
        cursor = cursor_of(deep)
    client = app.test_client()
    for _ in range(12):
        assert client.get(f"/updates?before={cursor}").status_code == 200
    generic, custom = _plans(app, "FROM updates JOIN users", "updates.id < ")
    assert generic > 0 and custom <= 5  # PostgreSQL tries five custom plans, then keeps one


def test_a_directory_search_is_not_planned_again_on_every_request(make_app, postgres_database):
    """Its OFFSET is written into the SQL: bound, PostgreSQL's generic plan for a thousand
    learners assumed a deep page and looked dear, so every search was planned again (1 ms)."""
    from flask_migrate import upgrade

    from bench.dataset import Size, fill

    app = make_app(SQLALCHEMY_DATABASE_URI=postgres_database, CACHE_TYPE="NullCache", tables=False)
    with app.app_context():
        upgrade()
        fill(Size(learners=1_000, projects=4, contracts=0, updates=0))
        db.session.execute(text("ANALYZE"))
        db.session.commit()
    client = app.test_client()
    for _ in range(12):
        assert client.get("/learners?q=django").status_code == 200
    generic, custom = _plans(app, "FROM users LEFT OUTER JOIN profiles")
    assert generic > 0 and custom <= 5
