"""Migrations build exactly the schema the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import create_engine, inspect, text

from nexus_board import create_app
from nexus_board.extensions import db

from .conftest import config_for


def test_upgrade_on_an_empty_database_matches_the_models(tmp_path):
    app = create_app(config_for(tmp_path))
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
        db.engine.dispose()
    assert diff == []


def test_upgrade_creates_every_table(tmp_path):
    app = create_app(config_for(tmp_path))
    with app.app_context():
        upgrade()
        url = db.engine.url
        db.engine.dispose()
    engine = create_engine(url)
    tables = set(inspect(engine).get_table_names())
    engine.dispose()
    assert set(db.metadata.tables) <= tables


def _autoincrement_tables(url) -> set[str]:
    engine = create_engine(url)
    with engine.connect() as connection:
        query = text("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE :word")
        found = set(connection.scalars(query, {"word": "%AUTOINCREMENT%"}))
    engine.dispose()
    return found


def test_tables_that_never_reuse_an_id_keep_autoincrement_through_every_migration(tmp_path):
    """A batch rebuild on SQLite silently drops AUTOINCREMENT unless the migration repeats it."""
    app = create_app(config_for(tmp_path))
    wanted = {t.name for t in db.metadata.tables.values() if t.kwargs.get("sqlite_autoincrement")}
    with app.app_context():
        upgrade()
        url = db.engine.url
        db.engine.dispose()
    assert wanted and wanted <= _autoincrement_tables(url)


def test_a_database_whose_contracts_lost_autoincrement_gets_it_back(tmp_path):
    """0010 once rebuilt contracts without it: 0013 restores it, counting deleted ids."""
    app = create_app(config_for(tmp_path))
    with app.app_context():
        upgrade(revision="0012")
        with db.engine.begin() as connection:
            connection.execute(text("PRAGMA foreign_keys = OFF"))
            # Leave other tables' foreign keys naming "contracts", as a batch rebuild does.
            connection.execute(text("PRAGMA legacy_alter_table = ON"))
            sql = connection.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'contracts'"))
            connection.execute(text("ALTER TABLE contracts RENAME TO old_contracts"))
            connection.execute(text(sql.replace(" AUTOINCREMENT", "")))
            connection.execute(text("DROP TABLE old_contracts"))
            connection.execute(text(
                "INSERT INTO deleted_contracts (contract_id, endpoint, project_name,"
                " deleted_by_id, deleted_at, record)"
                " VALUES (41, 'GET /gone', 'Shop', 1, '2026-01-01 00:00:00', '{}')"
            ))  # fmt: skip
        upgrade()
        url = db.engine.url
        with db.engine.connect() as connection:
            seq = connection.scalar(
                text("SELECT seq FROM sqlite_sequence WHERE name = 'contracts'")
            )
        db.engine.dispose()
    assert "contracts" in _autoincrement_tables(url)
    assert seq == 41
