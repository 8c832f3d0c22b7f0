"""The hub's public sections as HTML: the same for every visitor and learner, so each process
renders them once per change of the areas they show, not once per view.

They are process copies (`caching.process_copy`): checked against the shared markers about once
a second, dropped at once by this process's own writes. Around them, the navigation and the
dashboard are the viewer's own and rendered each time. The data inside them stays in the shared
cache (`cached_value`), so a copy that is rendered again reads little.
"""

from datetime import UTC, datetime

from flask import render_template, request
from markupsafe import Markup

from ..caching import process_copy
from . import bp, charts

# What the live sections show: the areas the hub page is cached under.
LIVE = ("board", "profiles", "updates", "activity", "reviews", "teams")


@bp.app_template_global()
def hub_live(hub) -> Markup:
    """The live sections (numbers, updates, questions, reviews, partners, activity, board)."""
    focus = int(request.args.get("shown") == "new")  # after "new updates": focus the numbers
    # Named by the hour: open questions leave by age too, with no write to say so.
    hour = datetime.now(UTC).strftime("%Y-%m-%dT%H")
    render = lambda: render_template("hub/_live.html", hub=hub)  # noqa: E731
    return _kept(f"hub/live/{focus}/{hour}", LIVE, render)


@bp.app_template_global()
def hub_learners(hub) -> Markup:
    """The learners with public profiles, by track."""
    render = lambda: render_template("hub/_learners.html", hub=hub)  # noqa: E731
    return _kept("hub/learners", ("profiles",), render)


def charts_html(viewer, page: str) -> Markup:
    """The side column's charts ("" when none has anything to show yet); a side section."""
    today = datetime.now(UTC).date()

    def render() -> str:
        found = charts.cohort_charts(today)
        return render_template("hub/_charts.html", data=found) if found else ""

    return _kept(f"hub/charts/html/{today:%G-%V}", ("board", "profiles"), render)


def _kept(name: str, areas: tuple[str, ...], render) -> Markup:
    html = process_copy(name, *areas, compute=render)
    return Markup(html)  # noqa: S704  (our own templates' output)
