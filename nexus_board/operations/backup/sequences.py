"""The ids a database has handed out, kept across a restore so no id is ever given twice.

A deleted contract's id must not come back (its archive and links keep it), so a restore
continues each table's numbering from where the backup's left off, not from its largest row:
PostgreSQL's sequences are set, SQLite's AUTOINCREMENT counters raised.
"""

from sqlalchemy import Column, Connection, Integer, Table, func, select, text

from .codec import base_type


def integer_key(table: Table) -> Column | None:
    keys = list(table.primary_key.columns)
    if len(keys) == 1 and isinstance(base_type(keys[0].type), Integer):
        return keys[0]
    return None


def _sequence(connection: Connection, table: Table, key: Column) -> str | None:
    name = connection.dialect.identifier_preparer.format_table(table)
    query = text("SELECT pg_get_serial_sequence(:table, :column)")
    return connection.scalar(query, {"table": name, "column": key.name})


def _autoincrement_counters(connection: Connection) -> dict[str, int]:
    exists = text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'")
    if connection.scalar(exists) is None:
        return {}
    return dict(connection.execute(text("SELECT name, seq FROM sqlite_sequence")).all())


def handed_out(connection: Connection, tables: list[Table]) -> dict[str, int]:
    """The highest id each table's counter gave, where the database keeps one."""
    if connection.dialect.name == "sqlite":
        counters = _autoincrement_counters(connection)
        return {t.name: counters[t.name] for t in tables if t.name in counters}
    found = {}
    if connection.dialect.name == "postgresql":
        for table in tables:
            key = integer_key(table)
            sequence = key is not None and _sequence(connection, table, key)
            if sequence:
                last = text("SELECT pg_sequence_last_value(CAST(:name AS regclass))")
                value = connection.scalar(last, {"name": sequence})
                if value is not None:
                    found[table.name] = value
    return found


def carry_on(connection: Connection, tables: list[Table], recorded: dict[str, int]) -> None:
    """After loading: each table's next id follows both the backup's counter and its rows."""
    dialect = connection.dialect.name
    for table in tables:
        key = integer_key(table)
        if key is None:
            continue
        top = max(recorded.get(table.name, 0), connection.scalar(select(func.max(key))) or 0)
        if dialect == "postgresql":
            sequence = _sequence(connection, table, key)
            if sequence:
                query = text("SELECT setval(CAST(:name AS regclass), :value, :called)")
                connection.execute(query, {"name": sequence, "value": max(top, 1),
                                           "called": top > 0})  # fmt: skip
        elif dialect == "sqlite" and top and _autoincrement(connection, table):
            params = {"name": table.name, "seq": top}
            raised = connection.execute(
                text("UPDATE sqlite_sequence SET seq = :seq WHERE name = :name"), params
            )
            if not raised.rowcount:
                connection.execute(text("INSERT INTO sqlite_sequence VALUES (:name, :seq)"), params)


def _autoincrement(connection: Connection, table: Table) -> bool:
    query = text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :name")
    return "AUTOINCREMENT" in (connection.scalar(query, {"name": table.name}) or "").upper()
