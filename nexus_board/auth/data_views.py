"""Settings → your data: download everything as a zip, or delete the account (its
consequences shown first)."""

from flask import flash, make_response, redirect, url_for
from flask_login import current_user, login_required

from ..errors import Invalid
from ..extensions import db
from ..forms import show_errors
from ..rendering import render
from . import bp, deletion, export
from .browser import sign_out_browser
from .decorators import fresh_required
from .forms import DeleteAccountForm


@bp.get("/settings/export")
@login_required
def export_data():
    response = make_response(export.export_zip(current_user))
    response.mimetype = "application/zip"
    filename = f"nexus-board-{current_user.username}.zip"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.get("/settings/delete")
@fresh_required
def delete_account_page():
    return _page(DeleteAccountForm(formdata=None))


@bp.post("/settings/delete")
@fresh_required
def delete_account():
    form = DeleteAccountForm()
    if form.validate_on_submit():
        try:
            released = deletion.delete_account(current_user, confirm=form.confirm.data)
        except Invalid as error:
            show_errors(form, error)
        else:
            sign_out_browser(end_device=False)  # its device went with the account
            db.session.commit()
            claims = f" {len(released)} claimed contracts are open again." if released else ""
            flash(f"Your account is deleted.{claims} Thank you for learning with us.", "info")
            return redirect(url_for("hub.index"), 303)
    return _page(form, status=422)


def _page(form, status: int = 200):
    return render(
        "auth/delete.html",
        "form",
        form=form,
        consequences=deletion.consequences(current_user),
        status=status,
    )
