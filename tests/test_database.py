"""SQLite connection settings: the planner's statistics are kept, once a minute per connection."""

from sqlalchemy import create_engine, text

from nexus_board import database


def _analyzed(engine, table: str) -> bool:
    with engine.connect() as connection:
        found = connection.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"))
        if found.first() is None:
            return False
        stats = text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = :table")
        return connection.execute(stats, {"table": table}).scalar() > 0


def _read(engine, table: str) -> None:
    with engine.connect() as connection:
        connection.execute(text(f"SELECT * FROM {table} WHERE kind = 'a'")).all()  # noqa: S608


def test_a_connection_analyzes_what_it_read_at_check_in_at_most_once_a_minute(
    tmp_path, monkeypatch
):
    now = [1000.0]
    monkeypatch.setattr(database.time, "monotonic", lambda: now[0])
    engine = create_engine(f"sqlite:///{tmp_path / 'stats.sqlite3'}", pool_size=1)
    database.configure(engine)
    with engine.begin() as connection:
        for table in ("first", "second"):
            connection.execute(text(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, kind TEXT)"))
            connection.execute(text(f"CREATE INDEX ix_{table}_kind ON {table} (kind)"))
            rows = f"INSERT INTO {table} (kind) VALUES ('a'), ('b'), ('a')"  # noqa: S608
            connection.execute(text(rows))
    now[0] += database.OPTIMIZE_EVERY  # the set-up's own check-in ran before any table had rows
    _read(engine, "first")
    assert _analyzed(engine, "first")  # at the check-in after the read
    _read(engine, "second")
    assert not _analyzed(engine, "second")  # within the minute: no second analysis
    now[0] += database.OPTIMIZE_EVERY
    _read(engine, "second")
    assert _analyzed(engine, "second")
    engine.dispose()
