"""Code highlighted on the server with Pygments: JSON examples and schemas, and the fenced code
blocks of Markdown. The colours are classes styled by static/css/code.css (`flask nexus
code-styles` writes it), so pages need no inline style and the CSP holds.

Only the languages below are highlighted, each at most HIGHLIGHT_CHARS long: their lexers are
regular-expression state machines that run in linear time on any input (bench/markdown.py
times the worst known). Anything else is shown as plain, escaped text.
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

from .limits import HIGHLIGHT_CHARS

# What learners paste into contracts, comments and journals; aliases as Markdown fences say them.
LANGUAGES = {
    "json": "json", "jsonc": "json", "python": "python", "py": "python",
    "javascript": "javascript", "js": "javascript", "jsx": "jsx", "typescript": "typescript",
    "ts": "typescript", "tsx": "tsx", "bash": "bash", "sh": "bash", "shell": "bash",
    "console": "console", "sql": "sql", "yaml": "yaml", "yml": "yaml", "toml": "toml",
    "ini": "ini", "html": "html", "xml": "xml", "css": "css", "http": "http", "diff": "diff",
    "graphql": "graphql", "dockerfile": "docker", "docker": "docker", "django": "django",
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


def highlight(text: str | None, language: str = "json") -> Markup:
    """`text` as highlighted HTML (spans with classes, for inside <pre><code>), or escaped."""
    if not text:
        return Markup("")
    lexer = _lexer(language)
    if lexer is None or len(text) > HIGHLIGHT_CHARS:
        return escape(text)
    return Markup(pygments_highlight(text, lexer, _FORMATTER))  # noqa: S704  (Pygments escapes)


def highlight_fenced(rendered: str) -> str:
    """cmark's HTML with each fenced block of a known language highlighted.

    The result still goes through the sanitizer, which keeps only Pygments' classes.
    """
    return FENCED.sub(_fenced, rendered)


def _fenced(match: re.Match) -> str:
    language, code = match[1], html.unescape(match[2])
    lexer = _lexer(language)
    if lexer is None or len(code) > HIGHLIGHT_CHARS:
        return f"<pre><code>{match[2]}</code></pre>"
    return (
        f'<pre class="highlight"><code>{pygments_highlight(code, lexer, _FORMATTER)}</code></pre>'
    )
