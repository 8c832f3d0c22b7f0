"""Query-string filters and cursor pages for the API's lists, strict about bad values (400)."""

from dataclasses import dataclass

from ..errors import DomainError
from ..numbers import whole_number

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


@dataclass
class Page:
    items: list
    next_cursor: str | None


def limit_from(args) -> int:
    limit = whole_number(args.get("limit", str(DEFAULT_LIMIT)), low=1, high=MAX_LIMIT)
    if limit is None:
        raise DomainError(f"limit must be a whole number from 1 to {MAX_LIMIT}.")
    return limit


def choice(args, name: str, allowed) -> str | None:
    """`args[name]` if it is one of `allowed` (case-insensitive), None if absent, else 400."""
    value = args.get(name)
    if value is None or value == "":
        return None
    by_key = {str(option).lower(): str(option) for option in allowed}
    if value.lower() not in by_key:
        raise DomainError(f"{name} must be one of {', '.join(map(str, allowed))}.")
    return by_key[value.lower()]


def body(page: Page, present, next_url) -> dict:
    """The JSON for one page: its items and the link to the next one (null on the last)."""
    return {
        "items": [present(item) for item in page.items],
        "next_cursor": page.next_cursor,
        "next": next_url(page.next_cursor) if page.next_cursor else None,
    }
