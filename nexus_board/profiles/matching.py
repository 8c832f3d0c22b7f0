"""Case-insensitive matching of names in any alphabet, on SQLite as on PostgreSQL.

PostgreSQL's lower() folds every letter (in a UTF-8 locale), SQLite's only ASCII, so "élodie"
would not find "Élodie" there. `lowered(column)` is lower() on PostgreSQL and, on SQLite, Python's
own str.lower registered on each connection: the same query finds the same learners on both.
"""

from flask.blueprints import BlueprintSetupState
from sqlalchemy import Engine, String, event
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from ..extensions import db

SQLITE_LOWER = "nexus_lower"


class lowered(FunctionElement):  # noqa: N801  (a SQL function, named like func.lower)
    """lower(text) that folds letters beyond ASCII on every database we run on."""

    type = String()
    inherit_cache = True
    name = "lowered"


@compiles(lowered)
def _lower(element, compiler, **kw) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(lowered, "sqlite")
def _python_lower(element, compiler, **kw) -> str:
    return f"{SQLITE_LOWER}({compiler.process(element.clauses, **kw)})"


def _str_lower(text):
    return text.lower() if isinstance(text, str) else text


def add_sqlite_lower(engine: Engine) -> None:
    """Give every new SQLite connection of `engine` the function `lowered` compiles to."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def register(dbapi_connection, _record):
        dbapi_connection.create_function(SQLITE_LOWER, 1, _str_lower, deterministic=True)


def setup(state: BlueprintSetupState) -> None:
    """Blueprint hook: runs once per app, before its engine hands out a connection."""
    with state.app.app_context():
        add_sqlite_lower(db.engine)
