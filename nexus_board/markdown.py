"""User Markdown to safe HTML: markdown-it-py renders, nh3 sanitizes what comes out."""

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

# Raw HTML in the source is shown as text, not rendered; nh3 is the second wall.
_parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(
    ["table", "strikethrough"]
)
_inline = MarkdownIt("commonmark", {"html": False}).enable("strikethrough")

TAGS = {
    "p", "br", "hr", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "img", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str | None, *, heading_offset: int = 0) -> Markup:
    """Sanitized HTML for `text`. `heading_offset=2` turns `#` into <h3> inside a page."""
    if not text:
        return Markup("")
    tokens = _parser.parse(text)
    if heading_offset:
        for token in tokens:
            if token.type in ("heading_open", "heading_close"):
                level = min(int(token.tag[1]) + heading_offset, 6)
                token.tag = f"h{level}"
    html = _parser.renderer.render(tokens, _parser.options, {})
    return Markup(sanitize(html))  # noqa: S704  (sanitized just now)


def render_inline_markdown(text: str | None) -> Markup:
    """One line of user Markdown (a learning's note) as sanitized inline HTML, no <p>."""
    if not text:
        return Markup("")
    return Markup(sanitize(_inline.renderInline(text)))  # noqa: S704  (sanitized just now)


def sanitize(html: str) -> str:
    """Keep only harmless tags and attributes: no script, no event handlers, no htmx."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )
