"""`flask nexus backup` and `restore`: every row of every table, across engines, refusing what
would mix or lose data."""

import gzip
import json

import pytest
from sqlalchemy import MetaData, inspect

from nexus_board.board import services as board
from nexus_board.extensions import db
from nexus_board.models import Contract, User

from ..board.factories import draft
from .every_table import empty_tables, every_row, fill

ENGINES = {
    "sqlite": lambda request: request.getfixturevalue("sqlite_url"),
    "postgresql": lambda request: lambda name: request.getfixturevalue("new_postgres_database")(),
}


def backup(app, path) -> str:
    result = app.test_cli_runner().invoke(args=["nexus", "backup", str(path)])
    assert result.exit_code == 0, result.output
    return result.output


def restore(app, path):
    return app.test_cli_runner().invoke(args=["nexus", "restore", str(path)])


@pytest.fixture
def source(app_on, sqlite_url):
    """A SQLite database with rows in every table."""
    app = app_on(sqlite_url("source"))
    fill(app)
    return app


def test_every_table_has_rows_to_back_up(source):
    assert empty_tables(source) == [], "give these tables rows in tests/operations/every_table.py"


@pytest.mark.parametrize(
    ("from_engine", "to_engine"),
    [
        ("sqlite", "sqlite"),
        pytest.param("postgresql", "postgresql", marks=pytest.mark.services),
        pytest.param("sqlite", "postgresql", marks=pytest.mark.services),
        pytest.param("postgresql", "sqlite", marks=pytest.mark.services),
    ],
)
def test_round_trip_keeps_every_row_of_every_table(
    request, app_on, tmp_path, from_engine, to_engine
):
    origin = app_on(ENGINES[from_engine](request)("origin"))
    fill(origin)
    target = app_on(ENGINES[to_engine](request)("target"))
    path = tmp_path / "nexus.jsonl"
    assert "rows in" in backup(origin, path)
    result = restore(target, path)
    assert result.exit_code == 0, result.output
    assert "Restored" in result.output
    assert every_row(target) == every_row(origin)
    with target.app_context():  # the restored database is at this release's schema
        assert inspect(db.engine).has_table("alembic_version")


@pytest.mark.parametrize(
    "engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.services)]
)
def test_restored_database_never_hands_out_an_id_twice(request, source, app_on, tmp_path, engine):
    path = tmp_path / "nexus.jsonl"
    backup(source, path)
    target = app_on(ENGINES[engine](request)("target"))
    assert restore(target, path).exit_code == 0
    with target.app_context():
        items = [json.loads(line) for line in path.read_text().splitlines()]
        deleted = max(
            i["row"]["contract_id"] for i in items if i.get("table") == "deleted_contracts"
        )
        largest = db.session.scalar(db.select(db.func.max(Contract.id)))
        assert deleted > largest  # the newest contract was deleted
        ada = db.session.scalar(db.select(User).where(User.username == "ada"))
        fresh = board.create_contract(draft(path="/api/v1/after-restore"), ada)
        db.session.commit()
        assert fresh.id > deleted


@pytest.mark.parametrize(
    "engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.services)]
)
def test_restore_leaves_the_planner_statistics_of_the_rows_it_loaded(
    request, source, app_on, tmp_path, engine
):
    # Without them SQLite picks any index an equality matches and sorts whole tables, until
    # a connection's next `PRAGMA optimize`; PostgreSQL waits for autovacuum.
    path = tmp_path / "nexus.jsonl"
    backup(source, path)
    target = app_on(ENGINES[engine](request)("target"))
    assert restore(target, path).exit_code == 0
    with target.app_context():
        if db.engine.dialect.name == "sqlite":
            analyzed = "SELECT DISTINCT tbl FROM sqlite_stat1"
        else:
            analyzed = "SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL"
        tables = set(db.session.execute(db.text(analyzed)).scalars())
    assert {"users", "contracts", "updates"} <= tables


def test_restore_refuses_a_database_with_rows(source, tmp_path):
    path = tmp_path / "nexus.jsonl"
    backup(source, path)
    before = every_row(source)
    result = restore(source, path)
    assert result.exit_code == 1
    assert "This database is not empty" in result.output
    assert "restore only into an empty database" in result.output
    assert every_row(source) == before


def test_restore_refuses_a_newer_schema_and_touches_nothing(source, app_on, sqlite_url, tmp_path):
    path = tmp_path / "nexus.jsonl"
    backup(source, path)
    lines = path.read_text().splitlines(keepends=True)
    head = json.loads(lines[0]) | {"revision": "9999"}
    path.write_text(json.dumps(head) + "\n" + "".join(lines[1:]))
    target = app_on(sqlite_url("target"))
    result = restore(target, path)
    assert result.exit_code == 1
    assert "This backup is at schema 9999, newer than this release's" in result.output
    with target.app_context():
        assert inspect(db.engine).get_table_names() == []


def test_a_backup_cut_short_restores_nothing(source, app_on, sqlite_url, tmp_path):
    path = tmp_path / "nexus.jsonl"
    backup(source, path)
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(lines[: len(lines) // 2]))
    target = app_on(sqlite_url("target"))
    result = restore(target, path)
    assert result.exit_code == 1
    assert "it was cut short. Nothing was restored." in result.output
    assert all(rows == [] for rows in every_row(target).values())


def test_restore_refuses_a_file_that_is_no_backup(app_on, sqlite_url, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello\n")
    result = restore(app_on(sqlite_url("target")), path)
    assert result.exit_code == 1 and "This file is not a Nexus Board backup." in result.output


def test_backup_refuses_a_database_behind_the_release(app_on, sqlite_url, tmp_path):
    from flask_migrate import upgrade

    app = app_on(sqlite_url("old"))
    with app.app_context():
        upgrade(revision="0006")
    result = app.test_cli_runner().invoke(args=["nexus", "backup", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 1
    assert "run `flask db upgrade` first" in result.output
    assert not (tmp_path / "x.jsonl").exists()


def test_gzip_backup_restores(source, app_on, sqlite_url, tmp_path):
    path = tmp_path / "nexus.jsonl.gz"
    backup(source, path)
    with gzip.open(path, "rt") as file:
        assert json.loads(file.readline())["format"] == "nexus-board-backup"
    target = app_on(sqlite_url("target"))
    assert restore(target, path).exit_code == 0
    assert every_row(target) == every_row(source)


@pytest.mark.parametrize("prepared", [False, True], ids=["new database", "upgraded database"])
def test_an_older_backup_is_loaded_at_its_schema_then_migrated(
    source, app_on, sqlite_url, tmp_path, prepared
):
    """A backup written at 0006 (an older release): its tables and columns only."""
    older = app_on(sqlite_url("older"))
    with older.app_context():
        from flask_migrate import upgrade

        upgrade(revision="0006")
        then = MetaData()
        then.reflect(db.engine)
    path = tmp_path / "nexus.jsonl"
    backup(source, path)
    old_path = tmp_path / "older.jsonl"
    _as_of(path, old_path, {t.name: {c.name for c in t.columns} for t in then.tables.values()})
    target = app_on(sqlite_url("target"))
    if prepared:
        with target.app_context():
            upgrade()  # at this release's schema already: moved down to 0006 to load
    result = restore(target, old_path)
    assert result.exit_code == 0, result.output
    restored, original = every_row(target), every_row(source)
    assert restored["deleted_contracts"] == []  # 0007 made that table
    for name, table in then.tables.items():
        if name != "alembic_version":  # columns added since 0006 hold their defaults instead
            now = [c.name for c in db.metadata.tables[name].columns]
            kept = [now.index(c.name) for c in table.columns if c.name in now]
            assert [[r[i] for i in kept] for r in restored[name]] == [
                [r[i] for i in kept] for r in original[name]
            ]


# Required columns 0006 had that later releases dropped, as an 0006 release would have written them.
GONE = {"users": {"session_token": lambda row: f"token-of-{row['id']}"}}


def _as_of(path, out, tables: dict[str, set[str]]) -> None:
    """Rewrite a backup as if written at 0006: its tables, its columns."""
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    head, rows, end = lines[0], lines[1:-1], lines[-1]["end"]
    head["revision"] = "0006"
    head["tables"] = {n: [c for c in cols if c in tables[n]] + list(GONE.get(n, {}))
                      for n, cols in head["tables"].items() if n in tables}  # fmt: skip
    kept = [
        {
            "table": r["table"],
            "row": {k: v for k, v in r["row"].items() if k in tables[r["table"]]}
            | {column: make(r["row"]) for column, make in GONE.get(r["table"], {}).items()},
        }
        for r in rows
        if r["table"] in tables
    ]
    end["rows"] = {n: c for n, c in end["rows"].items() if n in tables}
    with open(out, "w") as file:
        for item in [head, *kept, {"end": end}]:
            file.write(json.dumps(item) + "\n")


def test_backups_into_a_folder_are_named_by_time_and_pruned(source, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    for stamp in ("20260101-000000", "20260102-000000", "20260103-000000"):
        (folder / f"nexus-{stamp}.jsonl.gz").write_text("old")
    (folder / "notes.txt").write_text("not a backup")
    runner = source.test_cli_runner()
    result = runner.invoke(args=["nexus", "backup", "--keep", "2", str(folder)])
    assert result.exit_code == 0, result.output
    kept = sorted(p.name for p in folder.iterdir())
    assert len(kept) == 3 and kept[0] == "nexus-20260103-000000.jsonl.gz"
    assert kept[-1] == "notes.txt" and kept[1].startswith("nexus-2") and kept[1].endswith(".gz")
    with gzip.open(folder / kept[1], "rt") as file:
        assert json.loads(file.readline())["revision"]
