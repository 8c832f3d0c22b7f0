"""The side column of the hub and the feed: a list of sections, each shown only when it has
something to show.

A new area adds its section with one line in SECTIONS: a template under templates/ that renders
`data`, and a function of the viewer (and the page, "hub" or "feed") that returns that data, or
None (or an empty list) to leave the section out. Open questions and projects looking for
partners come this way; nothing is shown before they exist.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask_login import current_user

from . import bp, dashboard, shared


@dataclass(frozen=True)
class Section:
    key: str  # the section's id in the page
    template: str  # renders `data` (and may read `viewer`)
    load: Callable[[Any, str], Any]  # (viewer, page) -> data, or None/empty: not shown


@dataclass(frozen=True)
class Shown:
    key: str
    template: str
    data: Any


def _dashboard(viewer, page: str):
    # Only the hub counts as a look: the feed shows the same changes without using them up.
    if not viewer.is_authenticated:
        return None
    return dashboard.for_learner(viewer, record=page == "hub")


SECTIONS = [
    Section("dashboard", "hub/_dashboard.html", _dashboard),
    Section("charts", "hub/_rendered.html", shared.charts_html),
]


def sections(viewer, page: str) -> list[Shown]:
    """The side column's sections for `viewer` on `page`, in order, the empty ones left out."""
    shown = []
    for section in SECTIONS:
        data = section.load(viewer, page)
        if data:
            shown.append(Shown(section.key, section.template, data))
    return shown


@bp.app_template_global()
def side_sections(page: str) -> list[Shown]:
    """For templates: the side column of `page` ("hub" or "feed") for whoever is looking."""
    return sections(current_user, page)
