"""Column values to JSON and back, decided by the column's type, the same on every engine.

Times are ISO 8601 with their offset (UTC for our columns), so SQLite's zone-less storage and
PostgreSQL's timestamptz read back to the same moment. Enums travel as the text stored in the
database, JSON columns as JSON, numbers as numbers, decimals and bytes as text.
"""

import base64
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Enum,
    Interval,
    LargeBinary,
    Numeric,
    String,
    Time,
    Uuid,
    bindparam,
    type_coerce,
)
from sqlalchemy.types import Float, TypeDecorator, TypeEngine

Convert = Callable[[Any], Any]


def base_type(column_type: TypeEngine) -> TypeEngine:
    """The SQL type under our own decorators (UTCDateTime is a DateTime)."""
    while isinstance(column_type, TypeDecorator):
        column_type = column_type.impl_instance
    return column_type


def _moment(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    # In UTC: SQLite keeps the wall time alone, and every UTC time compares right there.
    return value.astimezone(UTC) if value.tzinfo is not None else value


# (type, to JSON, from JSON), most specific first: Enum is a String, Float a Numeric.
CODECS: list[tuple[type, Convert, Convert]] = [
    (Enum, str, str),
    (DateTime, datetime.isoformat, _moment),
    (Date, date.isoformat, date.fromisoformat),
    (Time, time.isoformat, time.fromisoformat),
    (Interval, timedelta.total_seconds, lambda seconds: timedelta(seconds=seconds)),
    (Float, float, float),
    (Numeric, str, Decimal),
    (LargeBinary, lambda raw: base64.b64encode(raw).decode(), base64.b64decode),
    (Uuid, str, uuid.UUID),
]


def _codec(column: Column) -> tuple[Convert, Convert] | None:
    found = base_type(column.type)
    for kind, encode, decode in CODECS:
        if isinstance(found, kind):
            return encode, decode
    return None  # JSON, booleans, integers and text are JSON as they are


def encoder(column: Column) -> Convert | None:
    codec = _codec(column)
    return codec and _skip_none(codec[0])


def decoder(column: Column) -> Convert | None:
    codec = _codec(column)
    return codec and _skip_none(codec[1])


def _skip_none(convert: Convert) -> Convert:
    return lambda value: None if value is None else convert(value)


def selected(column: Column):
    """What to SELECT for `column`: an enum as its stored text (no enum class needed)."""
    return type_coerce(column, String) if isinstance(base_type(column.type), Enum) else column


def bound(column: Column, name: str):
    """The parameter `name` that INSERTs `column`. A None in a nullable JSON column is SQL NULL
    (left alone it would be stored as the JSON text `null`)."""
    if isinstance(base_type(column.type), JSON) and column.nullable:
        return bindparam(name, type_=JSON(none_as_null=True))
    return bindparam(name, type_=column.type)
