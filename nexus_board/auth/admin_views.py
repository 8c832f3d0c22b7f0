"""Admins disable and re-enable accounts (moderation and its audit log build on this)."""

from flask import flash, redirect, url_for
from flask_login import current_user

from ..errors import Invalid
from ..extensions import db
from ..forms import show_errors
from ..profiles.lookup import get_learner_or_404
from ..rendering import render
from . import bp, services
from .decorators import admin_required
from .forms import DisableForm


@bp.get("/admin/accounts/<username>")
@admin_required
def manage_account(username):
    return _page(get_learner_or_404(username), DisableForm(formdata=None))


@bp.post("/admin/accounts/<username>/disable")
@admin_required
def disable_account(username):
    return _set(username, disabled=True)


@bp.post("/admin/accounts/<username>/enable")
@admin_required
def enable_account(username):
    return _set(username, disabled=False)


def _set(username: str, *, disabled: bool):
    learner = get_learner_or_404(username)
    form = DisableForm()
    if form.validate_on_submit():
        try:
            services.set_disabled(learner, disabled, by=current_user, reason=form.reason.data)
        except Invalid as error:
            show_errors(form, error)
        else:
            db.session.commit()
            state = "disabled: every session and token stopped" if disabled else "enabled again"
            flash(f"{learner.display_name}’s account is {state}.", "success")
            return redirect(url_for("auth.manage_account", username=learner.username), 303)
    return _page(learner, form, status=422)


def _page(learner, form, status: int = 200):
    return render("auth/manage.html", "form", learner=learner, form=form, status=status)
