"""Buttons on cards and contract pages: claim and move contracts, acknowledge, hide, comment."""

from flask import abort, request
from flask_login import current_user, login_required

from ..errors import Conflict, Invalid
from ..extensions import db, limiter
from ..forms import show_errors
from ..ratelimits import rate
from . import bp, comments, lifecycle, responses, services
from .forms import CommentForm, HideForm
from .lookup import get_comment_or_404, get_contract, get_contract_or_404
from .policy import Action

SAID = {
    Action.CLAIM: "You claimed {}. It is yours to integrate.",
    Action.UNCLAIM: "You gave {} back: it is open again.",
    Action.START: "{} is in progress.",
    Action.FINISH: "{} is done. Nice work!",
    Action.REOPEN: "{} is back in progress.",
    Action.IMPLEMENT: "{} is marked implemented.",
    Action.HIDE: "{} is hidden.",
    Action.UNHIDE: "{} shows again.",
}


@bp.post("/contracts/<int:contract_id>/<any(claim,unclaim,start,finish,reopen,implement):action>")
@login_required
def act(contract_id, action):
    action = Action(action)
    try:
        if action is Action.IMPLEMENT:
            contract = lifecycle.implement(contract_id, current_user)
        else:
            contract = lifecycle.move(contract_id, current_user, action)
    except lifecycle.MoveRefused as refused:
        return responses.refused(refused.contract, refused.message)
    db.session.commit()
    message = SAID[action].format(contract.endpoint)
    return responses.done(contract, message, moved=action is not Action.IMPLEMENT)


@bp.post("/contracts/<int:contract_id>/acknowledge")
@login_required
def acknowledge(contract_id):
    version = request.form.get("version", type=int) or abort(400, "Say which version you read.")
    contract = lifecycle.acknowledge(contract_id, current_user, version)
    db.session.commit()
    return responses.done(contract, "Changes marked as read.", moved=False)


@bp.post("/contracts/<int:contract_id>/<any(hide,unhide):action>")
@login_required
@limiter.limit(rate("hide"))
def hiding(contract_id, action):
    form = HideForm()
    try:
        if action == Action.HIDE:
            contract = lifecycle.hide(contract_id, current_user, form.reason.data)
        else:
            contract = lifecycle.unhide(contract_id, current_user)
    except Invalid as error:
        show_errors(form, error, summary=False)
        return responses.page(get_contract_or_404(contract_id), status=422, block="status",
                              hide_form=form)  # fmt: skip
    except Conflict as error:
        return responses.refused(get_contract(contract_id, full=True), error.message)
    db.session.commit()
    return responses.done(contract, SAID[Action(action)].format(contract.endpoint), moved=False)


@bp.post("/contracts/<int:contract_id>/comments")
@login_required
@limiter.limit(rate("comment"))
def comment(contract_id):
    contract = get_contract_or_404(contract_id)
    form = CommentForm()
    if form.validate_on_submit():
        try:
            added = services.add_comment(contract, current_user, form.body.data)
        except Invalid as error:
            show_errors(form, error)
        else:
            db.session.commit()
            return responses.commented(contract, added)
    return responses.thread(contract, form, status=422 if form.errors else 200)


@bp.route("/contracts/<int:contract_id>/comments/<int:comment_id>/edit", methods=["GET", "POST"])
@login_required
def edit_comment(contract_id, comment_id):
    contract, comment = (
        get_contract_or_404(contract_id),
        get_comment_or_404(contract_id, comment_id),
    )
    form = CommentForm(formdata=None, obj=comment) if request.method == "GET" else CommentForm()
    if request.method == "POST" and form.validate_on_submit():
        try:
            comments.edit_comment(comment, current_user, form.body.data)
        except Invalid as error:
            show_errors(form, error)
        else:
            db.session.commit()
            return responses.thread(contract, CommentForm(formdata=None), message="Comment saved.")
    status = 422 if form.errors else 200
    return responses.thread(contract, CommentForm(formdata=None), status=status,
                            editing=comment.id, edit_form=form)  # fmt: skip


@bp.post("/contracts/<int:contract_id>/comments/<int:comment_id>/delete")
@login_required
def delete_comment(contract_id, comment_id):
    contract, comment = (
        get_contract_or_404(contract_id),
        get_comment_or_404(contract_id, comment_id),
    )
    comments.delete_comment(comment, current_user)
    db.session.commit()
    return responses.thread(contract, CommentForm(formdata=None), message="Comment deleted.")
