"""Schema revisions (Alembic's): the one this release has, the one a database is at, and moving
an empty database to the one a backup was written at."""

from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from flask import current_app
from flask_migrate import downgrade, upgrade
from sqlalchemy import Connection

from ...errors import DomainError


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(current_app.extensions["migrate"].migrate.get_config())


def head() -> str:
    """This release's schema revision."""
    heads = _scripts().get_heads()
    if len(heads) != 1:
        raise DomainError(f"The migrations have {len(heads)} heads; merge them first.")
    return heads[0]


def current(connection: Connection) -> str | None:
    """The revision the database is at (None before its first `flask db upgrade`)."""
    heads = MigrationContext.configure(connection).get_current_heads()
    if len(heads) > 1:
        raise DomainError(f"The database is at {len(heads)} schema revisions at once.")
    return heads[0] if heads else None


def known(revision: str) -> bool:
    """Whether this release has `revision` among its migrations (a newer one's it lacks)."""
    try:
        return _scripts().get_revision(revision) is not None
    except CommandError:
        return False


def _before(revision: str, later: str) -> bool:
    return any(step.revision == revision for step in _scripts().walk_revisions("base", later))


def move_empty_database(start: str | None, revision: str) -> None:
    """Migrate a database without rows from `start` to `revision`, up or down."""
    if start == revision:
        return
    if start is not None and _before(revision, start):
        downgrade(revision=revision)
    else:
        upgrade(revision=revision)
