"""Opaque cursors for keyset pagination: stable pages while new rows arrive."""

import base64
import binascii
import json
from datetime import datetime

from .errors import DomainError

BROKEN = "That page link is broken or out of date. Go back to the first page."
LARGEST = 2**63


def encode_cursor(*values) -> str:
    """A URL-safe token for the sort key of the last row shown (str, int, float or None)."""
    raw = json.dumps(values, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str, size: int) -> list:
    """The values `encode_cursor` packed, or a 400 for anything a client made up."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        values = json.loads(raw)
    except (binascii.Error, ValueError):
        raise DomainError(BROKEN) from None
    if not isinstance(values, list) or len(values) != size:
        raise DomainError(BROKEN)
    if not all(v is None or isinstance(v, str | int | float) for v in values):
        raise DomainError(BROKEN)
    if any(isinstance(v, int) and not -LARGEST < v < LARGEST for v in values):
        raise DomainError(BROKEN)  # no column holds it: a made-up token
    return values


def decode_time_cursor(token: str) -> tuple[datetime, int]:
    """A (moment, id) cursor, as `encode_cursor(moment.isoformat(), id)` made it."""
    moment, row_id = decode_cursor(token, 2)
    try:
        moment = datetime.fromisoformat(moment)
    except (TypeError, ValueError):
        raise DomainError(BROKEN) from None
    if moment.tzinfo is None or not isinstance(row_id, int) or isinstance(row_id, bool):
        raise DomainError(BROKEN)
    return moment, row_id
