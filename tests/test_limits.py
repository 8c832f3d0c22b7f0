"""The parsers every request goes through: any input gives a value or a clear 400, never more.

Property tests (hypothesis) feed cursors, page sizes and JSON of any shape; the Markdown
tests check the structural fixes (cmark, depth, cache); `bench/markdown.py` times them.
"""

import base64
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from nexus_board import json_values
from nexus_board.api.paging import MAX_LIMIT, limit_from
from nexus_board.errors import DomainError
from nexus_board.limits import JSON_DEPTH, MARKDOWN, MARKDOWN_DEPTH, MARKDOWN_LONGEST
from nexus_board.markdown import _render, render_inline_markdown, render_markdown
from nexus_board.numbers import whole_number
from nexus_board.pagination import decode_cursor, decode_time_cursor, encode_cursor
from nexus_board.updates.text import render_update

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


def attempt(parse, *args):
    """(value, None), or (None, the error it refused the input with): anything else fails."""
    try:
        return parse(*args), None
    except (DomainError, json_values.Refused) as refused:
        return None, refused


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


TOKENS = (
    st.text(max_size=300)
    | st.binary(max_size=300).map(b64)
    | JSON.map(lambda value: b64(json.dumps(value).encode()))
    | st.lists(st.one_of(st.text(), st.integers(), st.floats(), st.booleans()), max_size=3).map(
        lambda values: b64(json.dumps(values).encode())
    )
)


@settings(max_examples=400, deadline=None)
@given(token=TOKENS, size=st.integers(1, 3))
def test_any_cursor_is_values_or_a_400(token, size):
    values, refused = attempt(decode_cursor, token, size)
    if refused:
        assert refused.status == 400
    else:
        assert len(values) == size
        assert not any(isinstance(v, bool | list | dict) for v in values)


@settings(max_examples=400, deadline=None)
@given(
    token=TOKENS
    | st.tuples(st.datetimes(timezones=st.timezones()), st.integers()).map(
        lambda pair: encode_cursor(pair[0].isoformat(), pair[1])
    )
)
def test_any_time_cursor_is_a_moment_or_a_400(token):
    found, refused = attempt(decode_time_cursor, token)
    if refused:
        assert refused.status == 400
    else:
        moment, row_id = found
        assert moment.utcoffset().total_seconds() == 0 and isinstance(row_id, int)


@pytest.mark.parametrize(
    "raw",
    ['["0001-01-01T00:00:00+23:59", 1]', '["9999-12-31T23:59:59-23:59", 1]', "[true, 1]",
     '["2026-01-01T00:00:00+00:00", true]', "[" * 2500, '["2026-01-01T00:00:00", 1]'],
)  # fmt: skip
def test_the_reported_time_cursors_are_a_400(raw):
    with pytest.raises(DomainError):
        decode_time_cursor(b64(raw.encode()))


@settings(max_examples=400, deadline=None)
@given(limit=st.text(max_size=30) | st.integers(-5, 10**12).map(str))
def test_any_limit_is_a_page_size_or_a_400(limit):
    value, refused = attempt(limit_from, MultiDict({"limit": limit}))
    if refused:
        assert refused.status == 400
    else:
        assert 1 <= value <= MAX_LIMIT and limit == str(value)


@pytest.mark.parametrize("text", ["²", "٣", "1_0", " 7", "+7", "-1", "9" * 11, "", "0x10"])
def test_only_ascii_digits_are_numbers(text):
    assert whole_number(text) is None


@settings(max_examples=300, deadline=None)
@given(value=JSON)
def test_any_json_is_accepted_or_refused_with_a_reason(value):
    text = json.dumps(value)
    parsed, refused = attempt(json_values.loads, text)
    if refused:
        assert str(refused)
    else:
        assert json.dumps(parsed) == text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[" * 2000 + "]" * 2000, "nested more than"),
        ("[" * (JSON_DEPTH + 1) + "]" * (JSON_DEPTH + 1), "nested more than"),
        ('{"s": "\\ud800"}', "lone UTF-16 surrogate"),
        ('{"\\u0000": 1}', "NUL character"),
        ("[1e400]", "too large for JSON"),
        ("[NaN]", "NaN is not JSON"),
    ],
)
def test_the_reported_json_is_refused_with_its_reason(text, reason):
    with pytest.raises(json_values.Refused, match=reason):
        json_values.loads(text)


def test_depth_is_checked_without_recursion():
    value = []
    for _ in range(100_000):  # far deeper than any recursive walk survives
        value = [value]
    with pytest.raises(json_values.Refused, match="nested more than"):
        json_values.check(value)


WORST = ["![", "[", "*a", "_a", "`a``", "<", "&#", "~~a", "[a](", "![a][", ">", "- "]


@pytest.mark.parametrize("pattern", WORST)
def test_the_worst_markdown_at_the_longest_limit_gives_html_linear_in_its_size(pattern):
    """Its speed goal is timed by `python -m bench.markdown`; here, what it gives back."""
    source = (pattern * MARKDOWN_LONGEST)[:MARKDOWN_LONGEST]
    html = _render(source, 3)
    assert 0 < len(html) < 8 * len(source)


def test_nesting_past_the_limit_is_shown_as_its_source():
    html = render_markdown(">" * (MARKDOWN_DEPTH + 5) + " deep <b>")
    assert html.startswith("<pre>") and "&lt;b&gt;" in html and "<blockquote>" not in html
    assert "<blockquote>" in render_markdown("> > shallow")


def test_long_markdown_is_rendered_once_and_kept_under_its_hash(app, monkeypatch):
    calls = []
    source = "word " * (MARKDOWN["comment"] // 5)
    monkeypatch.setattr("nexus_board.markdown._render", lambda *a: calls.append(a) or "<p>x</p>")
    with app.app_context():
        first, second = render_markdown(source), render_markdown(source)
    assert first == second == "<p>x</p>" and len(calls) == 1


@pytest.mark.parametrize(
    ("note", "html"),
    [
        ("**Docker** for `compose`", "<strong>Docker</strong> for <code>compose</code>"),
        ("# not a heading", "# not a heading"),
        ("- not a list <b>", "- not a list &lt;b&gt;"),
    ],
)
def test_a_note_renders_inline_and_never_as_a_block(note, html):
    assert render_inline_markdown(note) == html


def test_an_update_full_of_markup_is_shown_as_its_text():
    body = "[" * MARKDOWN["update"] + "\n<b>"
    html = render_update(body, mentioned=set(), tag_url=str, user_url=str)
    assert html == "<p>" + "[" * MARKDOWN["update"] + "<br>&lt;b&gt;</p>"
