"""Values under keys that name everything they show, kept in this process.

A key that names everything its value shows (a board card's digest, an event's columns, a
text to highlight) can never hold a wrong value, and every worker would compute the same one:
keeping it here is work not done twice, not state a second worker could miss. Bounded by
size, least recently used out first.
"""

import threading
from collections.abc import Callable

from cachetools import LRUCache
from flask import current_app, get_template_attribute
from markupsafe import Markup

ENTRY_CHARS = 64  # what an entry counts beyond its value: its key, so empty values are bounded


class Kept:
    """Strings by key (any hashable that names what the string shows), at most `chars`
    characters in all (a few MB), each entry counted ENTRY_CHARS more than its value."""

    def __init__(self, chars: int):
        self._values = LRUCache(maxsize=chars, getsizeof=_size)
        self._lock = threading.Lock()  # gthread workers share a process

    def get(self, key) -> str | None:
        with self._lock:
            return self._values.get(key)

    def set(self, key, value: str) -> None:
        self.set_many({key: value})

    def get_many(self, keys: dict) -> dict:
        """{name: value} for each name in `keys` ({name: key}) whose key is kept."""
        with self._lock:
            found = {name: self._values.get(key) for name, key in keys.items()}
        return {name: value for name, value in found.items() if value is not None}

    def set_many(self, values: dict) -> None:
        with self._lock:
            for key, value in values.items():
                if _size(value) <= self._values.maxsize:
                    self._values[key] = value


def _size(value: str) -> int:
    return len(value) + ENTRY_CHARS


def of_app(name: str, chars: int) -> Kept:
    """The app's store called `name`: keys that name ids of one database need one per app."""
    kept = current_app.extensions.get(name)
    if kept is None:
        kept = current_app.extensions[name] = Kept(chars)
    return kept


def html(name: str, chars: int, key, render: Callable[[], str]) -> Markup:
    """The HTML kept under `key` in the app's store `name`, else `render()`'s, kept there.
    `key` must name everything the HTML shows, and `render` be our templates' (escaped)."""
    store = of_app(name, chars)
    found = store.get(key)
    if found is None:
        found = str(render())
        store.set(key, found)
    return Markup(found)  # noqa: S704  (our templates' output)


def macro_html(name: str, chars: int, key, template: str, macro: str, *args) -> Markup:
    """`html` of `macro` of `template` called with `args`, looked up only when not kept."""
    return html(name, chars, key, lambda: get_template_attribute(template, macro)(*args))
