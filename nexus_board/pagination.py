"""Opaque cursors for keyset pagination: stable pages while new rows arrive."""

import base64
import binascii
import json
from datetime import UTC, datetime

from . import json_values
from .errors import DomainError
from .limits import CURSOR_CHARS

BROKEN = "That page link is broken or out of date. Go back to the first page."
LARGEST = 2**63


def encode_cursor(*values) -> str:
    """A URL-safe token for the sort key of the last row shown (str, int, float or None)."""
    raw = json.dumps(values, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str, size: int) -> list:
    """The values `encode_cursor` packed, or a 400 for anything a client made up."""
    if not isinstance(token, str) or len(token) > CURSOR_CHARS:
        raise DomainError(BROKEN)
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        values = json_values.loads(raw, depth=1, values=size + 1)  # a flat list, nothing more
    except (binascii.Error, ValueError):  # json_values.Refused is a ValueError too
        raise DomainError(BROKEN) from None
    if not isinstance(values, list) or len(values) != size:
        raise DomainError(BROKEN)
    for value in values:
        if isinstance(value, bool) or not (value is None or isinstance(value, str | int | float)):
            raise DomainError(BROKEN)
        if isinstance(value, int) and not -LARGEST < value < LARGEST:
            raise DomainError(BROKEN)  # no column holds it: a made-up token
    return values


def decode_time_cursor(token: str) -> tuple[datetime, int]:
    """A (moment, id) cursor, as `encode_cursor(moment.isoformat(), id)` made it."""
    moment, row_id = decode_cursor(token, 2)
    try:
        moment = datetime.fromisoformat(moment)
        # In UTC, as the database compares it: year 1 at +23:59 is no moment any column holds.
        moment = moment.astimezone(UTC) if moment.tzinfo is not None else None
    except (TypeError, ValueError, OverflowError):
        raise DomainError(BROKEN) from None
    if moment is None or not isinstance(row_id, int):
        raise DomainError(BROKEN)
    return moment, row_id
