"""A profile's lists as visitors see them, kept per process.

With no forms in it, a list's HTML is a function of its items alone, and every change to a
learner's items moves their `profile_version` (profiles/services.py). So it is kept in a
bounded store under the learner and that version, and a visitor's page reads the items only
when this process has not kept that version yet: an edit moves the key, at once, in every
worker. (The learner's creation time is in the key too: SQLite can give a deleted account's id
to a new one.) The owner's own view carries forms and tokens and renders each time.
"""

from flask import get_template_attribute
from markupsafe import Markup

from .. import kept
from ..limits import PROFILE_LISTS_KEPT
from . import bp
from .item_lists import ItemList

KEPT = "nexus_board.kept_profile_lists"  # in app.extensions: lists' HTML by learner and version


@bp.app_template_global()
def profile_list_html(page, lst: ItemList) -> Markup:
    """`list_section(page, lst)` (templates/profiles/_profile.html) for a visitor, or nothing
    when the list is empty."""
    learner = page.learner
    key = (lst.key, learner.id, learner.created_at, learner.profile_version)

    def render() -> str:
        if not page.items(lst):
            return ""
        return get_template_attribute("profiles/_profile.html", "list_section")(page, lst)

    return kept.html(KEPT, PROFILE_LISTS_KEPT, key, render)
