"""README import and export: bytes → text → profile, and profile → Markdown."""

import math
import re
import unicodedata

import ftfy

from ...errors import DomainError, Invalid
from ...limits import README_BYTES
from .export import default_title, export_readme
from .parse import ParsedReadme, Parser, Placement

__all__ = [
    "MAX_BYTES",
    "NotText",
    "TooLarge",
    "ParsedReadme",
    "Placement",
    "decode",
    "default_title",
    "export_readme",
    "parse_readme",
]

MAX_BYTES = README_BYTES
# Repair mojibake (`â€“` → `–`, `ðŸ‘¥` → `👥`) but leave quotes, widths and HTML as written.
FIXES = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    normalization=None,
    explain=False,
)
# A UTF-8 lead byte read as cp1252/Latin-1, followed by a continuation byte read the same way.
MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
EMPTY = "That README is empty. Choose a Markdown file with some text, or paste it."


class NotText(DomainError):
    """The upload is not a text file (an image, a PDF, a zip…)."""

    status = 415


class TooLarge(DomainError):
    status = 413

    @staticmethod
    def message_for(size: int | None = None) -> str:
        """The message for a README of `size` bytes, or one only known to be over the limit."""
        limit = f"{MAX_BYTES // 1024} KB"
        found = f"{math.ceil(size / 1024):,} KB; the limit is {limit}" if size else f"over {limit}"
        return (
            f"That README is {found}. Remove the parts you do not need "
            "(long logs, generated docs) and try again."
        )


def decode(data: bytes) -> str:
    """The text of an uploaded README, or a clear error for empty, binary or huge files."""
    if len(data) > MAX_BYTES:
        raise TooLarge(TooLarge.message_for(len(data)))
    if not data.strip():
        raise Invalid(EMPTY, errors={"readme": EMPTY})
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data:
        raise _not_text()
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    if "\x00" in text:  # only UTF-16 gets here with one; no database stores it in text
        raise _not_text()
    controls = sum(unicodedata.category(c) == "Cc" and c not in "\t\n\r\f" for c in text)
    if controls > max(8, len(text) // 100):
        raise _not_text()
    return text


def _not_text() -> NotText:
    return NotText(
        "That file is not a text README (it looks like an image or another binary file). "
        "Choose your README.md, or paste its Markdown."
    )


def repair(text: str) -> str:
    """Unix line ends, and mojibake repaired on the lines that show its signs (ftfy alone would
    also "repair" some legitimate text, like `ßÅÅ`)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(ftfy.fix_text(ln, FIXES) if MOJIBAKE.search(ln) else ln for ln in lines)


def parse_readme(text: str, *, default_title: str | None = None) -> ParsedReadme:
    """Read a README into a profile; a title equal to `default_title` means "no headline"."""
    text = repair(text)
    if not text.strip():
        raise Invalid(EMPTY, errors={"readme": EMPTY})
    return Parser(text, default_title).run()
