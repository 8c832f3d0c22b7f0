"""A profile's lists as visitors see them, kept per process.

With no forms in it, a list's HTML is a function of its items' shown values alone (the
learnings' names and notes, the challenges' titles, solutions and tags, …), so it is kept in a
bounded store under a digest of them: an edit changes the values, so the key, at once, in
every worker. The owner's own view carries forms and tokens and renders each time.
"""

import hashlib

from markupsafe import Markup

from .. import kept
from ..limits import PROFILE_LISTS_KEPT
from . import bp
from .item_lists import ItemList

KEPT = "nexus_board.kept_profile_lists"  # in app.extensions: lists' HTML by what they show


@bp.app_template_global()
def profile_list_html(page, lst: ItemList) -> Markup:
    """`list_section(page, lst)` (templates/profiles/_profile.html) for a visitor."""
    shown = (lst.key, tuple(_shown(lst, each) for each in page.items(lst)))
    key = hashlib.blake2b(repr(shown).encode(), digest_size=16).hexdigest()
    template = "profiles/_profile.html"
    return kept.macro_html(KEPT, PROFILE_LISTS_KEPT, key, template, "list_section", page, lst)


def _shown(lst: ItemList, each) -> tuple:
    values = tuple(getattr(each, name) for name in lst.fields if name != "tag_ids")
    return (each.id, *values, tuple(tag.name for tag in getattr(each, "tags", ())))
