"""The board page: four columns, filters, polling, and "load more" for one column."""

from flask import abort, request
from flask_login import current_user

from ..models import ContractStatus
from ..rendering import render
from . import bp, page_cache, policy, queries
from .filters import BoardFilters

STATUSES = {status.value for status in ContractStatus}


def board_filters(values) -> BoardFilters:
    return BoardFilters.from_args(values, signed_in=current_user.is_authenticated)


@bp.get("/board")
def index():
    filters = board_filters(request.args)
    marker = queries.marker()  # read before the rows, so a write in between is seen next poll
    if marker and request.args.get("since") == marker:
        return "", 204  # the poll's answer when nothing changed: no query, no swap
    return render(
        "board/index.html",
        "columns",
        columns_html=page_cache.columns_html(filters, marker),
        filters=filters,
    )


@bp.get("/board/columns/<status>")
def column(status):
    if status not in STATUSES:
        abort(404)
    cursor = request.args.get("cursor") or abort(400, "Say which page with ?cursor=.")
    filters = board_filters(request.args)
    page = queries.column_page(ContractStatus(status), filters, current_user, cursor)
    return render("board/column.html", "more", column=page, filters=filters, allowed=policy.allowed)
