"""Whole numbers typed by people or scripts: ASCII digits only, and only so many of them.

`str.isdigit` is true for "²" and "٣", which `int()` then refuses or reads; `int()` also takes
"1_000" and " 7". Every number from a query string, a form or an uploaded document comes here.
"""

from .limits import NUMBER_DIGITS

# Row ids are 32-bit INTEGER columns on every database: a larger number names no row.
LARGEST_ID = 2**31 - 1


def whole_number(text, *, low: int = 0, high: int = LARGEST_ID) -> int | None:
    """The number `text` spells in ASCII digits, if it lies in low..high; else None."""
    if not isinstance(text, str) or not 0 < len(text) <= NUMBER_DIGITS:
        return None
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if low <= number <= high else None
