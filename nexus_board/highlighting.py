"""Code highlighted on the server with Pygments: JSON examples and schemas, and the fenced code
blocks of Markdown. The colours are classes styled by static/css/code.css (`flask nexus
code-styles` writes it), so pages need no inline style and the CSP holds.

Pygments' lexers are regular expressions, and some slow down on long hostile lines: only the
languages below are highlighted, within the limits of limits.py (bench/highlight.py times the
worst known input). Anything else, or past a limit, is shown as plain, escaped text.
"""

import html
import re
from functools import cache

from markupsafe import Markup, escape
from pygments import highlight as pygments_highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.token import STANDARD_TYPES

from .kept import Kept
from .limits import (
    HIGHLIGHT_CODE_CHARS,
    HIGHLIGHT_JSON_CHARS,
    HIGHLIGHT_LINE_CHARS,
    HIGHLIGHTS_KEPT,
)

# What learners paste into contracts, comments and journals, by the names Markdown fences use.
# Left out, because their lexers are slowest on hostile input: HTML, XML, CSS, JSX, templates.
LANGUAGES = {
    "json": "json", "jsonc": "json", "python": "python", "py": "python",
    "javascript": "javascript", "js": "javascript", "typescript": "typescript", "ts": "typescript",
    "bash": "bash", "sh": "bash", "shell": "bash", "console": "console", "sql": "sql",
    "yaml": "yaml", "yml": "yaml", "toml": "toml", "ini": "ini", "http": "http", "diff": "diff",
    "graphql": "graphql", "dockerfile": "docker", "docker": "docker",
}  # fmt: skip
# Pygments' short class names ("k", "s2", "nt"): the only classes the sanitizer lets through.
CLASSES = frozenset(filter(None, STANDARD_TYPES.values()))
# A fenced block as cmark writes it (its text is escaped: it holds no tag).
FENCED = re.compile(r'<pre lang="([^"]*)"><code>([^<]*)</code></pre>')
_FORMATTER = HtmlFormatter(nowrap=True)


@cache
def _lexer(language: str) -> Lexer | None:
    name = LANGUAGES.get(language.lower())
    return get_lexer_by_name(name, stripnl=False, ensurenl=False) if name else None


def highlightable(text: str, language: str, budget: int = HIGHLIGHT_CODE_CHARS) -> bool:
    """Whether `text` in `language` is within the limits (`budget`: characters still allowed)."""
    name = LANGUAGES.get(language.lower())
    if name is None:
        return False
    if name == "json":
        return len(text) <= HIGHLIGHT_JSON_CHARS
    return len(text) <= budget and all(
        len(line) <= HIGHLIGHT_LINE_CHARS for line in text.split("\n")
    )


def highlight(text: str | None, language: str = "json") -> Markup:
    """`text` as highlighted HTML (spans with classes, for inside <pre><code>), or escaped."""
    if not text:
        return Markup("")
    if not highlightable(text, language):
        return escape(text)
    key = (language, text)
    spans = _KEPT.get(key)
    if spans is None:
        spans = pygments_highlight(text, _lexer(language), _FORMATTER)
        _KEPT.set(key, spans)
    return Markup(spans)  # noqa: S704  (Pygments escapes the text)


# The spans are a function of the text and language alone: each process keeps what it
# highlighted lately (a contract page highlights the same examples on every render).
_KEPT = Kept(HIGHLIGHTS_KEPT)


def highlight_fenced(rendered: str) -> str:
    """cmark's HTML with its fenced blocks of known languages highlighted, within one budget
    for the whole text. The result still goes through the sanitizer, which keeps only
    Pygments' classes."""
    budget = HIGHLIGHT_CODE_CHARS

    def fenced(match: re.Match) -> str:
        nonlocal budget
        language, code = match[1], html.unescape(match[2])
        if not highlightable(code, language, budget):
            return f"<pre><code>{match[2]}</code></pre>"
        if LANGUAGES[language.lower()] != "json":
            budget -= len(code)
        spans = pygments_highlight(code, _lexer(language), _FORMATTER)
        return f'<pre class="highlight"><code>{spans}</code></pre>'

    return FENCED.sub(fenced, rendered)
