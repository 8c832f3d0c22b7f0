"""Migrations build exactly the schema the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import create_engine, inspect

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
