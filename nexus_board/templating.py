"""Filters and globals every template can use."""

from datetime import UTC, datetime

from flask import Flask
from flask.templating import Environment
from markupsafe import Markup

from .assets import asset_url, htmx_script
from .highlighting import highlight
from .markdown import render_inline_markdown, render_markdown
from .themes import chosen as chosen_theme


def relative_time(moment: datetime, now: datetime | None = None) -> str:
    """'just now', '5 minutes ago', '3 days ago', or the date for older moments."""
    seconds = int(((now or datetime.now(UTC)) - moment).total_seconds())
    if seconds < 45:
        return "just now"
    for unit, size in (("minute", 60), ("hour", 3600), ("day", 86400)):
        limit = {"minute": 3600, "hour": 86400, "day": 7 * 86400}[unit]
        if seconds < limit:
            count = max(1, round(seconds / size))
            return f"{count} {unit}{'s' if count != 1 else ''} ago"
    return f"{moment:%-d %b %Y}"


def time_tag(moment: datetime | None) -> Markup:
    """A <time> element: relative text, exact UTC time in `datetime` and the tooltip."""
    if moment is None:
        return Markup("")
    exact = moment.astimezone(UTC)
    # Digits, month names and "ago" only: nothing to escape (a feed page has dozens of these).
    iso, title = exact.isoformat(timespec="seconds"), f"{exact:%-d %b %Y, %H:%M} UTC"
    return Markup(f'<time datetime="{iso}" title="{title}">{relative_time(exact)}</time>')  # noqa: S704


class TemplateEnvironment(Environment):
    """Flask's, but each template reads the globals from one dict, made when it loads.

    Jinja gives each template a ChainMap over the environment's globals, so that one added later
    still shows. Ours are all added while the app is set up (Flask refuses setup after the first
    request), before any template loads. Through a ChainMap, each `{% from … import %}` compared
    the page's globals with the imported template's key by key in Python, and each render
    copied them the same way: a sixth of a contract page's Python calls.
    """

    def make_globals(self, d):
        return {**self.globals, **(d or {})}


def register_templating(app: Flask) -> None:
    app.jinja_env.globals.update(
        asset_url=asset_url, htmx_script=htmx_script, chosen_theme=chosen_theme
    )
    app.jinja_env.filters.update(
        markdown=render_markdown,
        inline_markdown=render_inline_markdown,
        time=time_tag,
        ago=relative_time,
        highlight=highlight,
    )
