"""Which tables the open transaction wrote, and work to do just before it commits.

Values kept with the data (the board's counts, the directory's version) must move with every
write to the tables they are read from, whoever writes them. The session notes each table an
ORM flush or an INSERT, UPDATE or DELETE statement writes; just before a commit, each hook
whose tables were written runs on the transaction's connection, in the order they were
registered (the same in every transaction, so the rows they lock are always locked in the
same order). A bulk load past the session calls the hooks' functions itself.
"""

from collections.abc import Callable
from itertools import chain

from sqlalchemy import Connection, event

from .extensions import db

WRITTEN = "nexus_board.tables_written"  # in session.info: names of the tables written
HOOKS: dict[str, tuple[frozenset[str], Callable[[Connection], None]]] = {}  # by name


def before_commit(name: str, tables: set[str], run: Callable[[Connection], None]) -> None:
    """Call `run(connection)` before any commit of a transaction that wrote one of `tables`
    (the hook called `name`: every new app registers it again, which changes nothing)."""
    if not event.contains(db.session, "before_commit", _run_hooks):
        event.listen(db.session, "do_orm_execute", _note_statement)
        event.listen(db.session, "after_flush", _note_flush)
        event.listen(db.session, "before_commit", _run_hooks)
        event.listen(db.session, "after_transaction_end", _forget)
    HOOKS.setdefault(name, (frozenset(tables), run))


def _note_statement(state) -> None:
    table = getattr(state.statement, "table", None)
    writes = state.is_insert or state.is_update or state.is_delete
    if writes and table is not None:
        state.session.info.setdefault(WRITTEN, set()).add(table.name)


def _note_flush(session, _context) -> None:
    touched = chain(session.new, session.dirty, session.deleted)
    names = {type(item).__table__.name for item in touched}
    if names:
        session.info.setdefault(WRITTEN, set()).update(names)


def _run_hooks(session) -> None:
    session.flush()  # the commit's own flush comes after this hook: see what it writes too
    written = session.info.pop(WRITTEN, set())
    for tables, run in HOOKS.values():
        if written & tables:
            run(session.connection())


def _forget(session, transaction) -> None:
    if transaction.parent is None:
        session.info.pop(WRITTEN, None)
