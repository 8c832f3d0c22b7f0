"""The cache, and the only module that talks to it: one generation marker per area of data.

A key holds the build's fingerprint and the markers of the areas it shows. A service that writes
calls `changed(area)`; when the session commits, those areas get new markers, so every key built
from the old ones (every page, filter, fragment) is never read again and ages out. A rollback
forgets them: a write can neither forget to invalidate nor invalidate what it did not write.
Cache failures never fail a request.

- `cached_page`: public pages and fragments for visitors, and 304s for polls, from one key.
- `cached_value`: an expensive read, kept in the shared cache.
- `process_copy`: a hot read kept in this process, checked against the markers about once a second.
- `cached_by_content`: what is computed from a text alone (rendered Markdown), under its hash.
- `remembered_each`: many values under keys their caller builds from what they show (the board's
  cards), read together, the missing ones computed together; optionally kept in this process
  too (`kept.py`).

An area may also have a marker per person (`changed_for`, `generations(area, person=id)`): a
learner's inbox moves theirs, so their unread badge answers 304 with no SQL until it changes.
"""

import hashlib
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

from flask import (
    Flask,
    current_app,
    has_app_context,
    has_request_context,
    make_response,
    request,
    session,
)
from flask_caching.backends import NullCache
from flask_login import current_user
from sqlalchemy import event
from werkzeug.wrappers import Response

from . import themes
from .extensions import cache, db
from .kept import Kept
from .rendering import wants_fragment

log = logging.getLogger(__name__)

AREAS = frozenset(
    {"board", "profiles", "updates", "mocks", "activity", "inbox", "reviews", "teams"}
)
CHECK_EVERY = 1.0  # seconds a process copy is trusted before its markers are read again
PENDING = "nexus_board.changed"  # in session.info: the areas the open transaction changes
PERSONAL = "nexus_board.changed_for"  # in session.info: (area, person) markers it changes
COPIES = "nexus_board.copies"  # in app.extensions: this process's copies, by name
# In the request's environ, not on g: an app context (and its g) can outlive a request.
MARKERS = "nexus_board.markers"  # the markers this request has read, by key
CONTENT_TIMEOUT = 7 * 24 * 3600  # a hash names one text forever: only space ages entries out
T = TypeVar("T")
clock = time.monotonic


def init_app(app: Flask) -> None:
    """Give the app its process copies, and the session its commit hooks."""
    app.extensions[COPIES] = {}
    if not event.contains(db.session, "after_commit", _publish):
        event.listen(db.session, "after_commit", _publish)
        event.listen(db.session, "after_transaction_end", _forget)


def changed(*areas: str) -> None:
    """Record that the open transaction changes `areas`: their markers move when it commits."""
    _pending(PENDING).update(_checked(area) for area in areas)


def changed_for(area: str, people) -> None:
    """Record that the open transaction changes `area` for each of `people` (user ids) alone."""
    _pending(PERSONAL).update((_checked(area), int(person)) for person in people)


def _pending(name: str) -> set:
    session = db.session()
    if not session.in_transaction():
        session.begin()  # so a rollback, even with nothing written yet, forgets them
    return session.info.setdefault(name, set())


def _publish(session) -> None:
    areas = session.info.pop(PENDING, None) or set()
    personal = session.info.pop(PERSONAL, None) or set()
    if areas or personal:
        _replace_markers(areas, personal)


def _forget(session, transaction) -> None:
    """The outermost transaction ended: after a commit this is empty, after a rollback not."""
    if transaction.parent is None:
        session.info.pop(PENDING, None)
        session.info.pop(PERSONAL, None)


def _replace_markers(areas: set[str], personal: set[tuple[str, int]] = frozenset()) -> None:
    keys = [_marker_key(area) for area in areas] + [_marker_key(*pair) for pair in personal]
    if has_request_context():
        request.environ.pop(MARKERS, None)  # read again after this write
    try:
        cache.set_many({key: secrets.token_hex(6) for key in keys}, timeout=0)
    except Exception:
        log.exception("cache unavailable while invalidating %s", ", ".join(sorted(areas)))
    if has_app_context():  # this process sees its own write at once, others within a second
        copies = current_app.extensions.get(COPIES, {})
        for name in [name for name, copy in copies.items() if areas & copy.areas]:
            copies.pop(name, None)


def generations(*areas: str, person: int | None = None) -> str:
    """The build and the current markers of `areas` (and `person`'s own markers of them), for a
    key or ETag ('' if the cache is down)."""
    keys = [_marker_key(_checked(area)) for area in areas]
    if person is not None:
        keys += [_marker_key(area, person) for area in areas]
    read = request.environ.setdefault(MARKERS, {}) if has_request_context() else {}
    if not all(key in read for key in keys):
        try:
            read |= _read_markers([key for key in keys if key not in read])
        except Exception:
            log.exception("cache unavailable while reading generations")
            return ""
    return ".".join([current_app.config["BUILD_FINGERPRINT"], *(read[key] for key in keys)])


def _read_markers(keys: list[str]) -> dict[str, str]:
    values = dict(zip(keys, cache.get_many(*keys), strict=True))
    missing = {key: secrets.token_hex(6) for key, value in values.items() if not value}
    if missing:
        cache.set_many(missing, timeout=0)
    return values | missing


def tag(*parts: str) -> str:
    """An ETag for a response built from `parts` (generations first)."""
    return hashlib.blake2b("/".join(parts).encode(), digest_size=16).hexdigest()


def anonymous_visitor() -> bool:
    """Nothing about this request is personal: nobody signed in, no message waiting for them.

    Decided from cookies and the session alone, so no user is loaded from the database.
    """
    config = current_app.config
    if config["REMEMBER_COOKIE_NAME"] in request.cookies:
        return False
    if config["SESSION_COOKIE_NAME"] not in request.cookies:
        return True
    return "_user_id" not in session and "_flashes" not in session


def cached_page(
    *areas: str, timeout: int | None = None, everyone: bool = False, public: bool = False
):
    """Cache a GET view's pages and fragments under the generations of the `areas` it shows.

    Anonymous visitors share one entry per URL (full query string included) and per kind (page or
    htmx fragment); a hit runs no SQL. With `everyone=True` the fragment is the same for every
    visitor (a feed, a poll) and is shared by signed-in people too; their full pages never are.
    Personal fragments are not stored but get an ETag, so polls answer 304 while nothing
    changed. Personal full pages (navigation, CSRF token, messages) are neither cached nor tagged.
    `public=True` says the answer is the same for everyone, signed in or not (an image).
    """
    for area in areas:
        _checked(area)

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            fragment = wants_fragment()
            # A full page carries the viewer's navigation, messages and CSRF token: only an
            # anonymous visitor's page may be shared. `everyone` shares fragments alone.
            shared = public or anonymous_visitor() or (everyone and fragment)
            if not (shared or fragment):
                return view(*args, **kwargs)
            marks = generations(*areas)
            if not marks:  # cache down: answer fresh, promise nothing
                return view(*args, **kwargs)
            viewer = "all" if shared else str(getattr(current_user, "id", "anonymous"))
            # A whole page names its theme (<html data-theme>): one entry per visitor's choice.
            look = "" if fragment or public else (themes.from_cookie() or "")
            where = f"{request.host_url}{request.full_path}"
            key = f"page/{marks}/{int(fragment)}/{viewer}/{look}/{where}"
            etag = tag(key)
            if request.if_none_match.contains_weak(etag):
                return _tagged(Response(status=304), etag, shared, everyone or public)
            stored = _get(key) if shared else None
            if stored is not None:
                body, content_type = stored
                response = Response(body, content_type=content_type)
                return _tagged(response, etag, shared, everyone or public)
            response = make_response(view(*args, **kwargs))
            if response.status_code != 200:
                return response
            if shared and not session.modified:
                _set(key, (response.get_data(), response.content_type), timeout)
            return _tagged(response, etag, shared, everyone or public)

        return wrapped

    return decorator


def _tagged(response: Response, etag: str, shared: bool, everyone: bool) -> Response:
    response.set_etag(etag, weak=True)
    # Browsers and proxies may keep it, but must ask again each time (a 304 is cheap).
    response.headers["Cache-Control"] = "no-cache" if shared else "private, no-cache"
    response.vary.add("HX-Request")
    if not everyone:
        response.vary.add("Cookie")  # a signed-in visitor gets a different page
    return response


def cached_value(
    name: str, *areas: str, compute: Callable[[], T], timeout=None, person: int | None = None
) -> T:
    """`compute()`, kept in the shared cache until one of `areas` changes (or, with `person`,
    that person's own markers of them); plain data only."""
    marks = generations(*areas, person=person)
    return remembered(f"value/{name}/{marks}", compute, timeout) if marks else compute()


@dataclass
class Copy:
    areas: frozenset[str]
    marks: str
    value: Any
    checked_at: float


def process_copy(name: str, *areas: str, compute: Callable[[], T]) -> T:
    """`compute()` kept in this process (and the shared cache) for hot paths.

    The markers are read at most once every CHECK_EVERY seconds, so another worker's write shows
    here within about a second; this process's own writes drop the copy at once.
    """
    copies, now = current_app.extensions[COPIES], clock()
    copy = copies.get(name)
    # Markers this request read already cost nothing to compare, and must be: a page cached
    # or tagged under them must not hold an older copy.
    known = _already_read(areas)
    if copy is not None and known is None and now - copy.checked_at < CHECK_EVERY:
        return copy.value
    marks = known or generations(*areas)
    if not marks:  # nothing to check a copy against: answer fresh
        copies.pop(name, None)
        return compute()
    if copy is None or copy.marks != marks:
        value = remembered(f"value/{name}/{marks}", compute, None)
        copy = copies[name] = Copy(frozenset(areas), marks, value, now)
    copy.checked_at = now
    return copy.value


def _already_read(areas) -> str | None:
    if isinstance(cache.cache, NullCache):  # no page is stored, no tag repeats: nothing to spoil
        return None
    read = request.environ.get(MARKERS, {}) if has_request_context() else {}
    if read and all(_marker_key(area) in read for area in areas):
        return generations(*areas)
    return None


def cached_by_content(kind: str, source: str, compute: Callable[[], T]) -> T:
    """`compute()`, a pure function of `source`, kept under the hash of `source`.

    The same text always gives the same result in one build, so no write has to invalidate it;
    the build's fingerprint in the key retires it when the code that computes it changes.
    """
    if not has_app_context():
        return compute()
    digest = hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=20)
    build_id = current_app.config["BUILD_FINGERPRINT"]
    return remembered(f"content/{build_id}/{kind}/{digest.hexdigest()}", compute, CONTENT_TIMEOUT)


def remembered(key: str, compute: Callable[[], T], timeout: int | None) -> T:
    """The value stored under `key`, else `compute()` stored there (a None is never stored)."""
    value = _get(key)
    if value is None:
        value = compute()
        if value is not None:
            _set(key, value, timeout)
    return value


def remembered_each(
    keys: dict[Any, str],
    compute: Callable[[list], dict[Any, T]],
    timeout: int | None = None,
    kept: Kept | None = None,
) -> dict[Any, T]:
    """For each name in `keys`, the value stored under its key; `compute(missing names)` gives
    the rest in one call, and they are stored. One read for them all where the cache can.
    With `kept` (content-addressed keys only), this process's copies are looked at first."""
    here = kept.get_many(keys) if kept else {}
    wanted = {name: key for name, key in keys.items() if name not in here}
    if not wanted:
        return here
    values = _shared_each(wanted, compute, timeout)
    if kept:
        kept.set_many({wanted[name]: value for name, value in values.items()})
    return here | values


def _shared_each(keys: dict, compute: Callable[[list], dict], timeout: int | None) -> dict:
    try:
        values = dict(zip(keys, cache.get_many(*keys.values()), strict=True))
    except Exception as error:
        log.error("cache unavailable, serving uncached: %s", error)
        return compute(list(keys))
    missing = [name for name, value in values.items() if value is None]
    if missing:
        fresh = compute(missing)
        values |= fresh
        try:
            cache.set_many({keys[name]: value for name, value in fresh.items()}, timeout=timeout)
        except Exception as error:
            log.error("cache unavailable, not storing %d values: %s", len(fresh), error)
    return values


def _marker_key(area: str, person: int | None = None) -> str:
    return f"generation/{area}" if person is None else f"generation/{area}/{person}"


def _checked(area: str) -> str:
    if area not in AREAS:
        raise ValueError(f"unknown cache area {area!r}")
    return area


def _get(key: str) -> Any:
    try:
        return cache.get(key)
    except Exception as error:
        log.error("cache unavailable, serving uncached: %s", error)
        return None


def _set(key: str, value, timeout: int | None) -> None:
    try:
        cache.set(key, value, timeout=timeout)
    except Exception as error:
        log.error("cache unavailable, not storing %s: %s", key.split("/", 1)[0], error)
