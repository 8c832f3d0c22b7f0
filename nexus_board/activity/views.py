"""/activity: every event, filtered by project, learner, kind or contract; and its Atom feed."""

from flask import request
from flask_login import current_user

from ..caching import cached_page
from ..numbers import whole_number
from ..rendering import render
from . import atom, bp, queries
from .filters import read_filters
from .verbs import WORDING

SHOWN = ("activity", "profiles")  # events, and the names of the people in them


@bp.get("/activity")
@cached_page(*SHOWN)
def index():
    filters = read_filters(request.args)
    before = whole_number(request.args.get("before", ""), low=1)
    page = None
    if not filters.errors:
        everything = current_user.is_authenticated
        page = queries.page(filters, before=before, everything=everything)
    return render(
        "activity/index.html",
        "results" if before is None else "items",
        status=400 if filters.errors else 200,
        filters=filters,
        page=page,
        kinds=[(verb.value, words.label) for verb, words in WORDING.items()],
    )


@bp.get("/activity.atom")
@cached_page(*SHOWN, everyone=True)
def atom_feed():
    filters = read_filters(request.args)
    return atom.response(filters)
