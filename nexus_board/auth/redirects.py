"""Where to send a user after signing in: only ever somewhere on this site."""

from urllib.parse import urlsplit

from flask import url_for


def safe_next(target: str | None) -> str:
    """`target` if it is a path on this site, else the hub.

    Browsers read `\\` as `/` and drop tabs and newlines, so `/\\evil.com` or `/\t/evil.com`
    would leave the site: anything but a plain absolute path is refused.
    """
    fallback = url_for("hub.index")
    if not target or not target.startswith("/") or target.startswith("//"):
        return fallback
    if "\\" in target or any(ord(c) < 32 or ord(c) == 127 for c in target):
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return fallback
    return target
