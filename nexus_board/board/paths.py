"""Path templates such as `/api/v1/products/{id}`: the one place that parses them.

Contracts store the template as written plus its key (parameters without names), which is
what makes two templates the same endpoint. Mocks and OpenAPI import/export reuse `parse`.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import Invalid
from ..limits import PATH_CHARS

MAX_LENGTH = PATH_CHARS
PARAM = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# RFC 3986 path characters, without braces (parameters) and percent (no pre-encoded paths).
LITERAL = re.compile(r"[A-Za-z0-9\-._~!$&'()*+,;=:@/]*")


@dataclass(frozen=True)
class PathTemplate:
    template: str
    # Literal text and parameter names, alternating: ("/items/", "id", "") for /items/{id}.
    parts: tuple[str, ...]

    @property
    def params(self) -> tuple[str, ...]:
        return self.parts[1::2]

    @property
    def key(self) -> str:
        """The template with parameters unnamed: `/items/{}`. Equal keys, same endpoint."""
        return "{}".join(self.parts[0::2])

    def segments(self) -> tuple[tuple[str, ...], ...]:
        """Per `/`-segment, its literal text and parameter names alternating, as in `parts`.

        `/files/{name}.{ext}` → (("files",), ("", "name", ".", "ext", "")): what mock routing
        compares, a segment at a time, without a regular expression.
        """
        return tuple(
            tuple(re.split(r"\{([^{}]*)\}", segment)) for segment in self.template.split("/")[1:]
        )

    def match(self, path: str) -> dict[str, str] | None:
        """The parameters of a concrete path, or None if it is another endpoint."""
        found: dict[str, str] = {}
        texts = path.split("/")[1:] if path.startswith("/") else None
        if texts is None or len(texts) != len(self.segments()):
            return None
        for parts, text in zip(self.segments(), texts, strict=True):
            values = match_segment(parts, text)
            if values is None:
                return None
            found.update(zip(parts[1::2], values, strict=True))
        return found


def match_segment(parts: Sequence[str], text: str) -> list[str] | None:
    """The parameter values of one path segment, or None: linear, no backtracking.

    Parameters are never adjacent (`parse` refuses it), so each literal between two of them is
    found at its first place after a non-empty value; that finds a match whenever one exists.
    """
    if len(parts) == 1:
        return [] if text == parts[0] else None
    head, tail = parts[0], parts[-1]
    end = len(text) - len(tail)
    if not (text.startswith(head) and text.endswith(tail)) or end <= len(head):
        return None
    values, start = [], len(head)
    for literal in parts[2:-1:2]:
        found = text.find(literal, start + 1, end)
        if found < 0:
            return None
        values.append(text[start:found])
        start = found + len(literal)
    if start >= end:
        return None
    values.append(text[start:end])
    return values


def parse(template: str, field: str = "path") -> PathTemplate:
    """Check a path template and split it, or raise Invalid saying what to fix."""
    template = (template or "").strip()
    if not template.startswith("/"):
        raise _invalid(field, "Start the path with /, like /api/v1/products/{id}.")
    if len(template) > MAX_LENGTH:
        raise _invalid(field, f"Use at most {MAX_LENGTH} characters.")
    if "?" in template or "#" in template:
        raise _invalid(field, "Leave the query string out: describe query parameters instead.")
    parts = re.split(r"\{([^{}]*)\}", template)
    for literal in parts[0::2]:
        if "{" in literal or "}" in literal:
            raise _invalid(field, "Close every { with a } around one parameter name.")
        if not LITERAL.fullmatch(literal):
            bad = next(ch for ch in literal if not LITERAL.fullmatch(ch))
            raise _invalid(field, f"{bad!r} cannot appear in a path; use letters, digits, - _ .")
        if "//" in literal:
            raise _invalid(field, "Remove the empty segment (//).")
    names = parts[1::2]
    for name in names:
        if not PARAM.fullmatch(name):
            raise _invalid(field, f"Name parameters with letters, digits and _, not {{{name}}}.")
    if len(set(names)) != len(names):
        raise _invalid(field, "Give each parameter a different name.")
    for before, between, after in zip(names, parts[2:-1:2], names[1:], strict=False):
        if not between:
            raise _invalid(
                field,
                f"Put a / or some text between {{{before}}} and {{{after}}}: "
                "two parameters side by side cannot be told apart.",
            )
    return PathTemplate(template, tuple(parts))


def stored(template: str) -> PathTemplate:
    """A template as saved, split without the checks (older rules let some through)."""
    return PathTemplate(template, tuple(re.split(r"\{([^{}]*)\}", template)))


def _invalid(field: str, message: str) -> Invalid:
    return Invalid("Check the path.", errors={field: message})
