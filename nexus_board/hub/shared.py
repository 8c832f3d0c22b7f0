"""The hub's public sections as HTML: the same for every visitor and learner, so each process
renders them once per change of the areas they show, not once per view.

They are process copies (`caching.process_copy`): checked against the shared markers about once
a second, dropped at once by this process's own writes. Around them, the navigation and the
dashboard are the viewer's own and rendered each time.
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
    html = process_copy(
        f"hub/live/{focus}", *LIVE, compute=lambda: render_template("hub/_live.html", hub=hub)
    )
    return Markup(html)  # noqa: S704  (our own template's output)


@bp.app_template_global()
def hub_learners(hub) -> Markup:
    """The learners with public profiles, by track."""
    html = process_copy(
        "hub/learners", "profiles", compute=lambda: render_template("hub/_learners.html", hub=hub)
    )
    return Markup(html)  # noqa: S704  (our own template's output)


def charts_html(viewer, page: str) -> Markup:
    """The side column's charts ("" when none has anything to show yet); a side section."""
    today = datetime.now(UTC).date()

    def render() -> str:
        found = charts.cohort_charts(today)
        return render_template("hub/_charts.html", data=found) if found else ""

    html = process_copy(f"hub/charts/html/{today:%G-%V}", "board", "profiles", compute=render)
    return Markup(html)  # noqa: S704  (our own template's output)
