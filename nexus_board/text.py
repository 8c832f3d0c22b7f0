"""Plain-text rules shared by every area: no control characters, names on one line."""

import re
import unicodedata

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
