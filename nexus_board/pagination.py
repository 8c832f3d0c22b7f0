"""Opaque cursors for keyset pagination: stable pages while new rows arrive."""

import base64
import binascii
import json

from .errors import DomainError

BROKEN = "That page link is broken or out of date. Go back to the first page."


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
    return values
