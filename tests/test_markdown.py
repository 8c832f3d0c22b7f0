"""User Markdown renders, and nothing dangerous survives."""

from html.parser import HTMLParser

import pytest

from nexus_board.markdown import render_markdown, sanitize


def test_markdown_renders_common_syntax():
    html = render_markdown("**Docker** and `code`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~")
    assert "<strong>Docker</strong>" in html
    assert "<code>code</code>" in html
    assert "<table>" in html and "<td>1</td>" in html
    assert "<del>old</del>" in html


class Elements(HTMLParser):
    """Every element and attribute in a piece of HTML (text is ignored)."""

    def __init__(self, html):
        super().__init__()
        self.tags, self.attributes = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(attrs)


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        '<a href="/x" hx-get="/sign-out" hx-trigger="load">x</a>',
        "<div hx-post='/evil'>x</div>",
        "![x](data:text/html;base64,PHNjcmlwdD4=)",
        "<iframe src='https://evil.com'></iframe>",
        "<style>body{display:none}</style>",
        '[x](https://ok.example "t" onclick=alert(1))',
        "[x](vbscript:msgbox)",
    ],
)
def test_markdown_is_sanitized(source):
    found = Elements(render_markdown(source))
    assert not {"script", "iframe", "style", "div"} & set(found.tags)
    for name, value in found.attributes:
        assert not name.startswith(("on", "hx-", "data-")), name
        assert not (value or "").lower().startswith(("javascript:", "data:", "vbscript:")), value


def test_links_get_a_safe_rel_and_keep_http():
    html = render_markdown("[site](https://example.com)")
    assert 'href="https://example.com"' in html
    assert 'rel="nofollow noopener noreferrer"' in html


def test_heading_offset_keeps_the_page_outline():
    assert "<h3>Title</h3>" in render_markdown("# Title", heading_offset=2)
    assert "<h6>Deep</h6>" in render_markdown("###### Deep", heading_offset=2)


def test_empty_text_renders_nothing():
    assert render_markdown("") == "" and render_markdown(None) == ""


def test_the_sanitizer_alone_strips_what_markdown_would_escape():
    found = Elements(
        sanitize(
            '<a href="javascript:alert(1)" onclick="x" hx-get="/y">a</a>'
            '<img src="https://ok.example/i.png" onerror="x"><script>alert(1)</script>'
        )
    )
    assert found.tags == ["a", "img"]
    assert ("href", "javascript:alert(1)") not in found.attributes
    assert [name for name, _ in found.attributes] == ["rel", "src"]
