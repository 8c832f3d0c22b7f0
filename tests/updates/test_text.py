"""An update's text: #tags and @mentions outside code and links, a sanitized Markdown subset."""

from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nexus_board.updates.text import render_update, scan


def render(body, mentioned=frozenset()):
    return str(
        render_update(
            body,
            mentioned=set(mentioned),
            tag_url=lambda tag: f"/updates?tag={tag}",
            user_url=lambda name: f"/u/{name}",
        )
    )


def test_tags_and_mentions_are_found_in_order_lower_cased_once():
    found = scan("Shipped #DRF paging with @Ada and @gabriel. More #drf, #Django-REST, @ada.")
    assert found.tags == ["drf", "django-rest"]
    assert found.usernames == ["ada", "gabriel"]


@pytest.mark.parametrize(
    "text",
    [
        "`#include <stdio.h>` and `@decorator`",
        "```\n#comment\n@app.get\n```",
        "[#not-a-tag and @not](https://example.com)",
        "mail me at ada@example.com",
        "see https://example.com/#anchor",
        "C# and F# are languages; #1 is an issue number",
        "# a heading is not a tag",
    ],
)
def test_code_links_emails_anchors_and_numbers_are_not_tags_or_mentions(text):
    found = scan(text)
    assert found.tags == [] and found.usernames == []


def test_over_long_words_are_not_tags():
    assert scan("#" + "a" * 41).tags == []
    assert scan("#" + "a" * 40).tags == ["a" * 40]


def test_tags_link_to_the_filtered_feed_and_known_mentions_to_profiles():
    html = render("Paired with @Ada and @ghost on #DRF", mentioned={"ada"})
    assert '<a href="/u/ada" rel="nofollow noopener noreferrer">@Ada</a>' in html
    assert '<a href="/updates?tag=drf" rel="nofollow noopener noreferrer">#DRF</a>' in html
    assert "@ghost" in html and "/u/ghost" not in html  # not an account: plain text


def test_tags_inside_code_and_links_stay_as_written():
    html = render("`#code` [#linked](https://example.com) *#em*")
    assert "<code>#code</code>" in html
    assert '<a href="https://example.com" rel="nofollow noopener noreferrer">#linked</a>' in html
    assert '<em><a href="/updates?tag=em"' in html


def test_markdown_subset_keeps_emphasis_code_lists_and_links():
    html = render("**bold** *it* ~~old~~ `x`\n\n- one\n- two\n\n> quote\n\n[docs](https://d.io)")
    for fragment in ("<strong>bold</strong>", "<em>it</em>", "<s>old</s>", "<code>x</code>"):
        assert fragment in html
    assert "<ul>" in html and "<blockquote>" in html and 'href="https://d.io"' in html


def test_headings_images_and_tables_are_left_as_text():
    html = render("# Big\n\n![cat](https://x.io/cat.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    assert "<h1" not in html and "<img" not in html and "<table" not in html
    assert "# Big" in html


class Elements(HTMLParser):
    """Every element and attribute in a piece of HTML (text does not count)."""

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def assert_harmless(html):
    for tag, attrs in Elements(html).found:
        assert tag in {"p", "a", "strong", "em", "s", "del", "code", "pre", "ul", "ol", "li",
                       "blockquote", "br"}, tag  # fmt: skip
        assert all(not name.startswith(("on", "hx-", "style")) for name in attrs), attrs
        href = attrs.get("href", "/")
        assert href.startswith(("/", "http://", "https://", "mailto:")), href


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="/x" hx-get="/sign-out" hx-trigger="load">x</a>',
        "<div style=\"background:url('x')\">x</div>",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "<svg><script>alert(1)</script></svg>",
    ],
)
def test_html_and_dangerous_links_never_become_elements(body):
    html = render(body)
    assert_harmless(html)
    assert "<script" not in html


@given(st.text(max_size=300))
def test_any_text_renders_to_harmless_html(body):
    assert_harmless(render(body, mentioned={"ada"}))
