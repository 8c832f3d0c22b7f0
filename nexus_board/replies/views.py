"""Reply threads: post a reply in place, edit or delete your own, accept the answer."""

from flask import url_for
from flask_login import current_user, login_required

from ..errors import Invalid
from ..extensions import db, limiter
from ..forms import show_errors
from ..ratelimits import rate
from ..rendering import done, render
from ..updates.lookup import get_update_or_404
from . import bp, services
from .forms import ReplyForm
from .lookup import get_reply_or_404
from .page import thread_context

PAGE = "updates/show.html"


@bp.post("/updates/<int:update_id>/replies")
@login_required
@limiter.limit(rate("reply"))
def add(update_id):
    update = get_update_or_404(update_id)
    form = ReplyForm()
    if form.validate_on_submit():
        try:
            reply = services.add_reply(update, current_user, form.body.data)
        except Invalid as error:
            show_errors(form, error)
        else:
            db.session.commit()
            return _done("Your reply is posted.", update, f"reply-{reply.id}")
    return render(PAGE, "thread", status=422, **thread_context(update, reply_form=form))


@bp.get("/replies/<int:reply_id>")
def show(reply_id):
    reply = get_reply_or_404(reply_id)
    return render(PAGE, "reply", reply=reply, update=get_update_or_404(reply.update_id))


@bp.get("/replies/<int:reply_id>/edit")
@login_required
def edit_form(reply_id):
    reply = get_reply_or_404(reply_id)
    form = ReplyForm(formdata=None, obj=reply)
    update = get_update_or_404(reply.update_id)
    return render(PAGE, "reply", reply=reply, update=update, editing=reply.id, edit_form=form)


@bp.post("/replies/<int:reply_id>/edit")
@login_required
def edit(reply_id):
    reply = get_reply_or_404(reply_id)
    update = get_update_or_404(reply.update_id)
    form = ReplyForm()
    if form.validate_on_submit():
        try:
            services.edit_reply(reply, current_user, form.body.data)
        except Invalid as error:
            show_errors(form, error)
        else:
            db.session.commit()
            return done("Your reply is saved.", back=_url(update, f"reply-{reply.id}"),
                        template=PAGE, block="reply", oob=["announce"], reply=reply,
                        update=update, editing=None)  # fmt: skip
    return render(PAGE, "reply", status=422, reply=reply, update=update, editing=reply.id,
                  edit_form=form)  # fmt: skip


@bp.post("/replies/<int:reply_id>/delete")
@login_required
def delete(reply_id):
    reply = get_reply_or_404(reply_id)
    update = get_update_or_404(reply.update_id)
    services.delete_reply(reply, current_user)
    db.session.commit()
    return _done("The reply is deleted.", update, "replies")


@bp.post("/replies/<int:reply_id>/accept")
@login_required
def accept(reply_id):
    reply = get_reply_or_404(reply_id)
    update = get_update_or_404(reply.update_id)
    services.accept(reply, current_user)
    db.session.commit()
    return _done("Marked as the answer.", update, f"reply-{reply.id}")


def _done(message: str, update, anchor: str):
    """The thread again (with a fresh form), or back to the update page at `anchor`."""
    return done(message, back=_url(update, anchor), template=PAGE, block="thread",
                oob=["announce"], **thread_context(update))  # fmt: skip


def _url(update, anchor: str) -> str:
    return url_for("updates.show", update_id=update.id) + f"#{anchor}"
