"""Plain-text rules shared by every area: no control characters, names on one line."""

import re
import unicodedata
from urllib.parse import urlsplit

# C0 controls and DEL, except tab and line breaks: invisible, and invalid in XML (Atom).
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_controls(text: str) -> str:
    """`text` without control characters a person cannot have meant (a pasted vertical tab)."""
    return CONTROLS.sub("", text)


def visible(text: str) -> bool:
    """Whether `text` shows anything: not only spaces, joiners or other invisible marks."""
    return any(unicodedata.category(c)[0] not in "ZC" for c in text)


def one_line_problem(text: str) -> str | None:
    """Why `text` cannot be a name or title (a line break, a control, nothing visible), or None."""
    if CONTROLS.search(text) or "\n" in text or "\r" in text or "\t" in text:
        return "Use one line of text without special characters."
    if not visible(text):
        return "Enter something people can read."
    return None


def clean_text(text: str | None) -> str:
    """Typed text as stored: line breaks as \\n, no stray controls, no surrounding space."""
    return strip_controls((text or "").replace("\r\n", "\n").replace("\r", "\n")).strip()


def length_problem(text: str, limit: int, *, empty: str | None = None) -> str | None:
    """Why `text` cannot be saved: empty (when `empty` says what to write), or over `limit`."""
    if not text and empty:
        return empty
    if len(text) > limit:
        return f"Keep it to {limit:,} characters; this is {len(text):,}."
    return None


def https_link_problem(url: str, limit: int) -> str | None:
    """Why `url` cannot be a link people follow (shown as a link, never fetched), or None."""
    if len(url) > limit:
        return f"Use at most {limit} characters."
    if one_line_problem(url) or " " in url:
        return "Paste the address without spaces or line breaks."
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme != "https" or not parts.hostname or parts.username:
        return "Use an https:// link, e.g. https://github.com/you/repo/pull/1."
    return None
