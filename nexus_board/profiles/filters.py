"""Template filters the profile pages need beyond the shared ones."""

from markdown_it import MarkdownIt
from markupsafe import Markup

from ..markdown import sanitize

_inline = MarkdownIt("commonmark", {"html": False}).enable("strikethrough")


def inline_markdown(text: str | None) -> Markup:
    """One line of user Markdown (a learning's note) as sanitized inline HTML, no <p>."""
    if not text:
        return Markup("")
    return Markup(sanitize(_inline.renderInline(text)))  # noqa: S704  (sanitized just now)
