"""The cache: one generation marker per area of data, so one write invalidates every variant.

A cached page's key includes the generations of the areas it shows. A write calls
`invalidate(area)`, which replaces that area's marker: every key built from the old one (every
page, filter, fragment) is then never read again and ages out. Cache failures never fail a request.
"""

import logging
import secrets

from .extensions import cache

log = logging.getLogger(__name__)

AREAS = frozenset({"board", "profiles", "updates", "mocks"})


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
