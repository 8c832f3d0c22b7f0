"""Path templates such as `/api/v1/products/{id}`: the one place that parses them.

Contracts store the template as written plus its key (parameters without names), which is
what makes two templates the same endpoint. Mocks and OpenAPI import/export reuse `parse`.
"""

import re
from dataclasses import dataclass

from ..errors import Invalid

MAX_LENGTH = 300
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

    def regex(self) -> re.Pattern:
        """Matches concrete paths; each parameter is a named group of one segment's text."""
        pattern = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>[^/]+)"
            for i, part in enumerate(self.parts)
        )
        return re.compile(pattern)

    def match(self, path: str) -> dict[str, str] | None:
        """The parameters of a concrete path, or None if it is another endpoint."""
        found = self.regex().fullmatch(path)
        return found.groupdict() if found else None


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
    return PathTemplate(template, tuple(parts))


def _invalid(field: str, message: str) -> Invalid:
    return Invalid("Check the path.", errors={field: message})
