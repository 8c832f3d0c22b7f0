"""What the feed page shows: one page under the query string's filters, and the composer."""

from flask import request
from flask_login import current_user

from . import contracts, queries
from .filters import Filters, read_filters
from .forms import UpdateForm

# Every page that shows updates also shows names (profiles) and contract links (board).
SHOWN = ("updates", "profiles", "board")


def composer_form(*, empty: bool = False) -> UpdateForm:
    """The form to post an update, filled from the request unless `empty`."""
    form = UpdateForm(formdata=None) if empty else UpdateForm()
    form.contract.choices = [("", "None"), *contracts.choices_for(current_user)]
    return form


def feed_context(*, before: str | None = None, form: UpdateForm | None = None) -> dict:
    """Everything feed.html needs for one page of the feed under the request's filters."""
    filter_form, filters = read_filters(request.args)
    if filters is None:
        filters, page = Filters(), queries.Page(items=[], next_cursor=None)
    else:
        page = queries.feed_page(filters, before)
    if form is None and current_user.is_authenticated:
        form = composer_form()
    return {
        "filters": filters,
        "filter_form": filter_form,
        "page": page,
        "form": form,
        "contract_links": page.contract_links,
        "threads": queries.info_for(u.id for u in page.items + page.pinned),
    }


def contract_links(updates) -> dict[int, contracts.ContractLink]:
    return contracts.links({u.contract_id for u in updates if u.contract_id is not None})
