"""User Markdown to safe HTML: cmark-gfm renders, nh3 sanitizes what comes out.

cmark-gfm (GitHub's CommonMark) parses in linear time, pathological input included (`![`
repeated, deep nesting, runs of `*`, `[` or backticks): the worst 30,000 characters render in
tens of milliseconds, where markdown-it-py spends ~40 µs per character (bench/markdown.py).
Long stored text is rendered once and kept in the shared cache under the hash of its source;
each process keeps the HTML of the short texts it rendered lately.
"""

import re
from functools import lru_cache
from html import unescape
from urllib.parse import urlsplit

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options
from flask import current_app, has_app_context
from markupsafe import Markup, escape

from .caching import cached_by_content
from .config import IMAGE_HOSTS
from .highlighting import CLASSES, highlight_fenced
from .limits import MARKDOWN_CACHED_FROM, MARKDOWN_DEPTH, RENDERED_KEPT

TAGS = {
    "p", "br", "hr", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "img", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "span",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
HIGHLIGHTED = {"pre": {"highlight"}, "span": set(CLASSES)}  # Pygments' classes, nothing else
EXTENSIONS = ["table", "strikethrough", "autolink"]
OPTIONS = Options.CMARK_OPT_GITHUB_PRE_LANG
# Raw HTML in the source is shown as text, never rendered: every "<" but an autolink's is swapped
# for a private-use character before parsing (so cmark sees no tag, comment or HTML block) and
# back as "&lt;" after.
LT = "\ue000"
NOT_AUTOLINK = re.compile(r"<(?!(?:https?|mailto):[^\s<>]*>)")
HEADING = re.compile(r"<(/?)h([1-6])>")
MARKUP = "[]!*_<&~`"
# cmark empties an unsafe URL (javascript:, data:…); an image left without one shows its alt text.
NO_IMAGE = re.compile(r'<img src="" alt="([^"]*)"(?: title="[^"]*")? />')
IMAGE = re.compile(r'<img src="([^"]*)" alt="([^"]*)"(?: title="[^"]*")? />')
# cmark's own tags (text holds no "<"): void ones close themselves ("<br />").
TAG = re.compile(r"<(/?)[a-z][^>]*?(/?)>")


def render_markdown(text: str | None, *, heading_offset: int = 0) -> Markup:
    """Sanitized HTML for `text`. `heading_offset=2` turns `#` into <h3> inside a page."""
    if not text:
        return Markup("")
    if len(text) < MARKDOWN_CACHED_FROM:
        rendered = _kept(text, heading_offset, tuple(image_hosts()))
    else:
        # The image hosts are settings: the same text renders differently under another list.
        source = f"{' '.join(image_hosts())}:{heading_offset}:{text}"
        rendered = cached_by_content("markdown", source, lambda: _render(text, heading_offset))
    return Markup(rendered)  # noqa: S704  (sanitized in _render)


def markup_cost(text: str) -> int:
    """How hard markdown-it-py's inline rules work on `text` (~40 µs a character, repeated).

    The README import and updates still parse with markdown-it-py (they need its tokens) and
    cap this; rendering for display uses cmark, which needs no cap.
    """
    return sum(text.count(char) for char in MARKUP)


def render_inline_markdown(text: str | None) -> Markup:
    """One line of user Markdown (a learning's note) as sanitized inline HTML, no <p>.

    A line that would be a block (`# x`, `- x`, `> x`) is shown as written, as text.
    """
    line = " ".join((text or "").split())
    if not line:
        return Markup("")
    html = _kept(line, 0, tuple(image_hosts()))
    if not (html.startswith("<p>") and html.count("<p>") == 1 and html.endswith("</p>\n")):
        return escape(line)
    return Markup(html[3:-5])  # noqa: S704  (sanitized in _render)


# A short text's HTML depends on it, the offset and the image hosts alone: each process keeps
# what it rendered lately (long ones go to the shared cache, above), and no write can make an
# entry wrong.
@lru_cache(maxsize=RENDERED_KEPT)
def _kept(text: str, heading_offset: int, hosts: tuple[str, ...]) -> str:
    return _render(text, heading_offset)


def _render(text: str, heading_offset: int) -> str:
    source = NOT_AUTOLINK.sub(LT, text.replace(LT, "\ufffd"))
    html = cmarkgfm.markdown_to_html_with_extensions(source, options=OPTIONS, extensions=EXTENSIONS)
    if _too_deep(html):
        # The sanitizer's tree building slows down with depth (50,000 nested quotes: seconds).
        return f"<pre>{escape(text)}</pre>"
    html = IMAGE.sub(_image_or_link, NO_IMAGE.sub(r"\1", html.replace(LT, "&lt;")))
    if heading_offset:  # every <hN> here is cmark's own: the source's "<" are all "&lt;" now
        html = HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + heading_offset, 6)}>", html)
    return sanitize(highlight_fenced(html))


def image_hosts() -> tuple[str, ...]:
    """The hosts images may come from (`MARKDOWN_IMAGE_HOSTS`; the page CSP allows the same)."""
    if has_app_context():
        return current_app.config["MARKDOWN_IMAGE_HOSTS"]
    return tuple(IMAGE_HOSTS.split())


def _image_or_link(image: re.Match) -> str:
    """An image from an allowed host over HTTPS stays; any other becomes a link to it."""
    src, alt = image[1], image[2]
    url = urlsplit(unescape(src))
    if url.scheme == "https" and (url.hostname or "") in image_hosts():
        return image[0]
    return f'<a href="{src}">{alt or src}</a>'


def _too_deep(html: str) -> bool:
    """Whether cmark's elements nest deeper than MARKDOWN_DEPTH (one pass, stopping early)."""
    depth = 0
    for tag in TAG.finditer(html):
        if tag[1]:
            depth -= 1
        elif not tag[2]:
            depth += 1
            if depth > MARKDOWN_DEPTH:
                return True
    return False


def sanitize(html: str) -> str:
    """Keep only harmless tags and attributes: no script, no event handlers, no htmx."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
        allowed_classes=HIGHLIGHTED,
    )
