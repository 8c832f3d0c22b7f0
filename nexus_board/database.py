"""Per-database connection settings, and SQL that must mean the same on SQLite and PostgreSQL.

PostgreSQL's lower() folds every letter (in a UTF-8 locale), SQLite's only ASCII, so "élodie"
would not find "Élodie" there. `lowered(column)` is lower() on PostgreSQL and, on SQLite, Python's
own str.lower registered on each connection: the same query finds the same learners on both.

`unindexed(column)` keeps SQLite's planner, which has no statistics, off an index that cannot
narrow anything down (see updates.queries.SHOWN).
"""

from sqlalchemy import Engine, String, event
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

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


class unindexed(FunctionElement):  # noqa: N801  (reads as a column, like lowered)
    """The column itself; on SQLite `+column`, which its planner never looks up in an index."""

    inherit_cache = True
    name = "unindexed"


@compiles(unindexed)
def _column(element, compiler, **kw) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(unindexed, "sqlite")
def _unindexed(element, compiler, **kw) -> str:
    return f"+{compiler.process(element.clauses, **kw)}"


def _str_lower(text):
    return text.lower() if isinstance(text, str) else text


def configure(engine: Engine) -> None:
    """On SQLite: enforce foreign keys, let readers and a writer overlap, wait for locks, and
    give every connection the function `lowered` compiles to."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def sqlite_setup(dbapi_connection, _record):
        dbapi_connection.create_function(SQLITE_LOWER, 1, _str_lower, deterministic=True)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
