"""The owner edits a profile in place: each view answers with the fragment it changed.

Every view: look up (404/403) → call the service → commit (which retires the cached pages) →
render a block of `profiles/show.html`, so a fragment and the full page never differ.
"""

from flask import request
from flask_login import login_required

from ..errors import Invalid
from ..extensions import db
from ..forms import show_errors
from ..rendering import render
from . import bp, services
from .forms import DetailsForm
from .item_lists import LIST_KEYS, LISTS
from .lookup import get_item_or_404, get_learner_or_404, get_owner_or_403
from .page import ProfilePage, related_challenges

ITEM = f"/u/<username>/<any({LIST_KEYS}):key>"
ABOUT = "/u/<username>/about"


def answer(page: ProfilePage, block: str, *, status=200, message=None, oob=(), **context):
    oob = [*oob, "status"] if message else list(oob)
    return render(
        "profiles/show.html", block, status=status, oob=oob, page=page, message=message, **context
    )


def _item(username: str, key: str, item_id: int, *, owner: bool = True):
    """The profile page, the list and its item: the owner's only (403), or for anyone to read."""
    learner = get_owner_or_403(username) if owner else get_learner_or_404(username)
    page, lst = ProfilePage(learner), LISTS[key]
    return page, lst, get_item_or_404(lst, learner, item_id)


@bp.post(ITEM)
@login_required
def add_item(username, key):
    page, lst = ProfilePage(get_owner_or_403(username)), LISTS[key]
    form = page.bind(lst, prefix=f"new-{key}")
    try:
        item = lst.add(page.learner, lst.values(form))
    except Invalid as error:
        show_errors(form, error)
        page.forms[key] = form
        return answer(page, "list", lst=lst, status=422)
    db.session.commit()
    page.forget_items()  # read for the form's choices, before the new one
    page.opened = key
    return answer(page, "list", lst=lst, message=f"Added {lst.noun} “{lst.label(item)}”.")


@bp.get(ITEM + "/<int:item_id>")
def show_item(username, key, item_id):
    page, lst, item = _item(username, key, item_id, owner=False)
    page.focus = (key, item.id, "edit")
    return answer(page, "item", lst=lst, item=item)


@bp.get(ITEM + "/<int:item_id>/edit")
@login_required
def edit_item(username, key, item_id):
    page, lst, item = _item(username, key, item_id)
    page.editing = (key, item.id)
    return answer(page, "item", lst=lst, item=item)


@bp.post(ITEM + "/<int:item_id>")
@login_required
def update_item(username, key, item_id):
    page, lst, item = _item(username, key, item_id)
    form = page.bind(lst, prefix=f"{key}-{item.id}")
    try:
        lst.update(item, lst.values(form))
    except Invalid as error:
        show_errors(form, error)
        page.editing, page.forms[(key, item.id)] = (key, item.id), form
        return answer(page, "item", lst=lst, item=item, status=422)
    db.session.commit()
    page.focus = (key, item.id, "edit")
    related = related_challenges(item) if key in ("technologies", "concepts") else []
    oob = ["related"] if related else []
    return answer(page, "item", lst=lst, item=item, message="Saved.", oob=oob, related=related)


@bp.delete(ITEM + "/<int:item_id>")
@login_required
def delete_item(username, key, item_id):
    page, lst, item = _item(username, key, item_id)
    label, related, after = lst.label(item), related_challenges(item), page.after(lst, item)
    services.delete_item(item)
    db.session.commit()
    # The whole list answers: its neighbours' move buttons and its empty state change too.
    page = ProfilePage(page.learner)
    page.focus, page.opened = ((key, after, "edit"), None) if after else (None, key)
    message = f"Deleted {lst.noun} “{label}”."
    return answer(page, "list", lst=lst, message=message, oob=["related"], related=related)


@bp.post(ITEM + "/<int:item_id>/move")
@login_required
def move_item(username, key, item_id):
    page, lst, item = _item(username, key, item_id)
    direction = request.form.get("direction", "")
    services.move_item(item, direction)
    db.session.commit()
    page.focus = (key, item.id, direction)
    return answer(page, "list", lst=lst, message=f"Moved “{lst.label(item)}” {direction}.")


@bp.get(ABOUT)
def show_details(username):
    page = ProfilePage(get_learner_or_404(username))
    page.focus = ("about", 0, "edit")
    return answer(page, "about")


@bp.get(ABOUT + "/edit")
@login_required
def edit_details(username):
    page = ProfilePage(get_owner_or_403(username))
    page.details_form = DetailsForm(formdata=None, obj=page.details, prefix="about")
    return answer(page, "about")


@bp.post(ABOUT)
@login_required
def update_details(username):
    page = ProfilePage(get_owner_or_403(username))
    form = DetailsForm(prefix="about")
    try:
        services.update_details(page.learner, **form.data)
    except Invalid as error:
        show_errors(form, error)
        page.details_form = form
        return answer(page, "about", status=422)
    db.session.commit()
    page.focus = ("about", 0, "edit")
    return answer(page, "about", message="Your details are saved.", oob=["header"])
