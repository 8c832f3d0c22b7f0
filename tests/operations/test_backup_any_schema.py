"""The backup format over any tables: self- and cross-referencing keys, and every column type."""

import enum
import io
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    create_engine,
    event,
    select,
)

from nexus_board.errors import DomainError
from nexus_board.models.types import UTCDateTime
from nexus_board.operations.backup import dump, restore
from nexus_board.operations.backup.order import load_order


class Mood(enum.Enum):
    GLAD = "glad"
    SAD = "sad"


def schema(not_null_cycle: bool = False) -> MetaData:
    metadata = MetaData()
    # A tree: each node points at its parent, in the same table.
    Table("nodes", metadata, Column("id", Integer, primary_key=True),
          Column("parent_id", ForeignKey("nodes.id")), Column("name", Text))  # fmt: skip
    # A cycle: every team has a captain (NOT NULL); a player may belong to a team.
    Table("teams", metadata, Column("id", Integer, primary_key=True),
          Column("captain_id", ForeignKey("players.id"), nullable=False))  # fmt: skip
    Table("players", metadata, Column("id", Integer, primary_key=True),
          Column("team_id", ForeignKey("teams.id"), nullable=not not_null_cycle))  # fmt: skip
    Table("values", metadata, Column("id", Integer, primary_key=True),
          Column("moment", UTCDateTime()), Column("wall", DateTime()), Column("day", Date),
          Column("flag", Boolean), Column("mood", Enum(Mood, name="mood")),
          Column("data", JSON), Column("maybe", JSON, nullable=True),
          Column("price", Numeric(10, 2)), Column("raw", LargeBinary),
          Column("label", String(50)))  # fmt: skip
    return metadata


MOMENT = datetime(2026, 3, 1, 23, 30, 15, 123456, tzinfo=timezone(timedelta(hours=3)))
ROWS = {
    "nodes": [{"id": 1, "parent_id": 3, "name": "leaf"},  # a child before its parent
              {"id": 2, "parent_id": None, "name": "root"},
              {"id": 3, "parent_id": 2, "name": "branch ✓"}],
    "players": [{"id": 1, "team_id": 1}, {"id": 2, "team_id": None}],
    "teams": [{"id": 1, "captain_id": 2}],
    "values": [
        {"id": 1, "moment": MOMENT, "wall": datetime(2026, 1, 2, 3, 4, 5, 6),
         "day": date(2026, 2, 28), "flag": True, "mood": Mood.SAD,
         "data": {"a": [1, 2.5, None, "ü"]}, "maybe": None, "price": Decimal("9.90"),
         "raw": b"\x00\xff", "label": "line\u2028break"},
        {"id": 2, "moment": None, "wall": None, "day": None, "flag": False, "mood": None,
         "data": [], "maybe": ["json", "kept"], "price": None, "raw": None, "label": None},
    ],
}  # fmt: skip


def engine_for(kind: str, request, tmp_path, name: str):
    if kind == "sqlite":
        engine = create_engine(f"sqlite:///{tmp_path / name}.sqlite3")
        event.listen(engine, "connect", lambda conn, _: conn.execute("PRAGMA foreign_keys=ON"))
        return engine
    return create_engine(request.getfixturevalue("new_postgres_database")())


def written(engine, metadata: MetaData) -> str:
    out = io.StringIO()
    with engine.connect() as connection:
        dump.write(connection, list(metadata.tables.values()), out, "test")
    return out.getvalue()


def read_all(engine, metadata: MetaData) -> dict:
    with engine.connect() as connection:
        return {t.name: [dict(r._mapping) for r in connection.execute(select(t).order_by(t.c.id))]
                for t in metadata.tables.values()}  # fmt: skip


@pytest.mark.parametrize(
    ("origin", "target"),
    [
        ("sqlite", "sqlite"),
        pytest.param("sqlite", "postgresql", marks=pytest.mark.services),
        pytest.param("postgresql", "sqlite", marks=pytest.mark.services),
    ],
)
def test_any_schema_round_trips(request, tmp_path, origin, target):
    metadata = schema()
    source = engine_for(origin, request, tmp_path, "origin")
    metadata.create_all(source)
    with source.begin() as connection:
        connection.execute(metadata.tables["players"].insert(), [{"id": 1}, {"id": 2}])
        connection.execute(metadata.tables["teams"].insert(), ROWS["teams"])
        connection.execute(metadata.tables["players"].update().values(team_id=1).where(
            metadata.tables["players"].c.id == 1))  # fmt: skip
        nodes = metadata.tables["nodes"]
        connection.execute(nodes.insert(), [dict(r, parent_id=None) for r in ROWS["nodes"]])
        for row in ROWS["nodes"]:
            connection.execute(nodes.update().values(parent_id=row["parent_id"]).where(
                nodes.c.id == row["id"]))  # fmt: skip
        connection.execute(metadata.tables["values"].insert(), ROWS["values"])
    text = written(source, metadata)
    destination = engine_for(target, request, tmp_path, "target")
    metadata.create_all(destination)
    lines = iter(io.StringIO(text))
    with destination.begin() as connection:
        restore.load(connection, dict(metadata.tables), restore.header(next(lines)), lines)
    found = read_all(destination, metadata)
    assert found == read_all(source, metadata)
    expected = dict(ROWS["values"][0], moment=MOMENT.astimezone(UTC))
    assert found["values"][0] == expected
    assert found["values"][1]["maybe"] == ["json", "kept"]
    source.dispose()
    destination.dispose()


def test_a_cycle_of_not_null_keys_is_refused():
    with pytest.raises(DomainError, match="part of a cycle and NOT NULL"):
        load_order(list(schema(not_null_cycle=True).tables.values()))


def test_cycles_and_self_references_are_deferred_to_their_nullable_keys():
    order = load_order(list(schema().tables.values()))
    names = [t.name for t in order.tables]
    assert names.index("players") < names.index("teams")  # the NOT NULL captain orders them
    assert {n: [c.name for fk in fks for c in fk.columns] for n, fks in order.deferred.items()} == {
        "nodes": ["parent_id"],
        "players": ["team_id"],
    }
