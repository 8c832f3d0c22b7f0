"""The cache: one generation marker per area of data, so one write invalidates every variant.

A cached page's key includes the generations of the areas it shows. A write calls
`invalidate(area)`, which replaces that area's marker: every key built from the old one (every
page, filter, fragment) is then never read again and ages out. Cache failures never fail a request.

`cached_page` serves public pages from the cache to anonymous visitors and answers conditional
requests (polls) with 304 from the same key; `cached_value` keeps expensive reads;
`cached_by_content` keeps what is computed from a text alone (rendered Markdown) under its hash.
"""

import hashlib
import logging
import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import current_app, has_app_context, make_response, request, session
from flask_login import current_user
from werkzeug.wrappers import Response

from .extensions import cache
from .rendering import wants_fragment

log = logging.getLogger(__name__)

AREAS = frozenset({"board", "profiles", "updates", "mocks"})
CONTENT_TIMEOUT = 7 * 24 * 3600  # a hash names one text forever: only space ages entries out
T = TypeVar("T")


def _marker_key(area: str) -> str:
    return f"generation/{area}"


def generations(*areas: str) -> str:
    """The current markers of `areas`, joined for use in a cache key ('' if the cache is down)."""
    keys = [_marker_key(_checked(area)) for area in areas]
    try:
        values = cache.get_many(*keys)
        missing = {k: secrets.token_hex(6) for k, v in zip(keys, values, strict=True) if not v}
        if missing:
            cache.set_many(missing, timeout=0)
        values = [v or missing[k] for k, v in zip(keys, values, strict=True)]
    except Exception:
        log.exception("cache unavailable while reading generations")
        return ""
    return ".".join(values)


def invalidate(*areas: str) -> None:
    """Forget every cached page or fragment built from `areas`."""
    try:
        cache.set_many({_marker_key(_checked(a)): secrets.token_hex(6) for a in areas}, timeout=0)
    except Exception:
        log.exception("cache unavailable while invalidating %s", ", ".join(areas))


def _checked(area: str) -> str:
    if area not in AREAS:
        raise ValueError(f"unknown cache area {area!r}")
    return area


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


def cached_page(*areas: str, timeout: int | None = None, everyone: bool = False):
    """Cache a GET view's pages and fragments under the generations of the `areas` it shows.

    Anonymous visitors share one entry per URL (full query string included) and per kind (page or
    htmx fragment); a hit runs no SQL. With `everyone=True` the fragment is the same for every
    visitor (a feed, a poll) and is shared by signed-in people too; their full pages never are.
    Personal fragments are not stored but get an ETag, so polls answer 304 while nothing
    changed. Personal full pages (navigation, CSRF token, messages) are neither cached nor tagged.
    """
    for area in areas:
        _checked(area)

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            fragment = wants_fragment()
            # A full page carries the viewer's navigation, messages and CSRF token: only an
            # anonymous visitor's page may be shared. `everyone` shares fragments alone.
            shared = anonymous_visitor() or (everyone and fragment)
            if not (shared or fragment):
                return view(*args, **kwargs)
            marks = generations(*areas)
            if not marks:  # cache down: answer fresh, promise nothing
                return view(*args, **kwargs)
            viewer = "all" if shared else str(getattr(current_user, "id", "anonymous"))
            key = f"page/{marks}/{int(fragment)}/{viewer}/{request.host_url}{request.full_path}"
            etag = hashlib.blake2b(key.encode(), digest_size=16).hexdigest()
            if request.if_none_match.contains_weak(etag):
                return _tagged(Response(status=304), etag, shared, everyone)
            stored = _get(key) if shared else None
            if stored is not None:
                body, content_type = stored
                return _tagged(Response(body, content_type=content_type), etag, shared, everyone)
            response = make_response(view(*args, **kwargs))
            if response.status_code != 200:
                return response
            if shared and not session.modified:
                _set(key, (response.get_data(), response.content_type), timeout)
            return _tagged(response, etag, shared, everyone)

        return wrapped

    return decorator


def cached_value(name: str, *areas: str, compute: Callable[[], T], timeout=None) -> T:
    """`compute()`, kept in the cache until one of `areas` changes (plain data only)."""
    marks = generations(*areas)
    if not marks:
        return compute()
    return _get_or_compute(f"value/{name}/{marks}", compute, timeout)


def cached_by_content(kind: str, source: str, compute: Callable[[], T]) -> T:
    """`compute()`, a pure function of `source`, kept under the hash of `source`.

    The same text always gives the same result, so no write has to invalidate it.
    """
    if not has_app_context():
        return compute()
    digest = hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=20)
    return _get_or_compute(f"content/{kind}/{digest.hexdigest()}", compute, CONTENT_TIMEOUT)


def _get_or_compute(key: str, compute: Callable[[], T], timeout: int | None) -> T:
    value = _get(key)
    if value is None:
        value = compute()
        _set(key, value, timeout)
    return value


def _tagged(response: Response, etag: str, shared: bool, everyone: bool) -> Response:
    response.set_etag(etag, weak=True)
    # Browsers and proxies may keep it, but must ask again each time (a 304 is cheap).
    response.headers["Cache-Control"] = "no-cache" if shared else "private, no-cache"
    response.vary.add("HX-Request")
    if not everyone:
        response.vary.add("Cookie")  # a signed-in visitor gets a different page
    return response


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
