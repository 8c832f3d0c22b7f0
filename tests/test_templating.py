"""Template helpers: relative times and cursors."""

from datetime import UTC, datetime, timedelta

import pytest

from nexus_board.errors import DomainError
from nexus_board.pagination import decode_cursor, encode_cursor
from nexus_board.templating import relative_time, time_tag

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(seconds=10), "just now"),
        (timedelta(minutes=1), "1 minute ago"),
        (timedelta(minutes=5), "5 minutes ago"),
        (timedelta(hours=3), "3 hours ago"),
        (timedelta(days=2), "2 days ago"),
        (timedelta(days=30), "27 Oct 2026"),
    ],
)
def test_relative_time(delta, text):
    assert relative_time(NOW - delta, now=NOW) == text


def test_time_tag_carries_the_exact_time():
    html = time_tag(NOW)
    assert 'datetime="2026-11-26T12:00:00+00:00"' in html
    assert 'title="26 Nov 2026, 12:00 UTC"' in html


def test_cursor_round_trip():
    token = encode_cursor("2026-11-26T12:00:00+00:00", 42)
    assert decode_cursor(token, 2) == ["2026-11-26T12:00:00+00:00", 42]


@pytest.mark.parametrize(
    "token", ["", "!!!", "bm90IGpzb24", encode_cursor(1), encode_cursor([1], 2)]
)
def test_broken_cursors_are_a_clear_400(token):
    with pytest.raises(DomainError, match="page link is broken") as caught:
        decode_cursor(token, 2)
    assert caught.value.status == 400


def test_each_template_reads_the_globals_from_one_dict_made_when_it_loads(app):
    """Not Jinja's ChainMap: through it, every `{% from … import %}` compared two templates'
    globals key by key in Python (a sixth of a contract page's calls)."""
    template = app.jinja_env.get_template("base.html")
    assert type(template.globals) is dict
    assert template.globals["url_for"] is app.jinja_env.globals["url_for"]
    assert {"asset_url", "csrf_token", "contract_io"} <= template.globals.keys()
