"""Importing a README: upload or paste → preview → confirm or cancel. Full pages, PRG."""

import os

from flask import flash, redirect, request, url_for
from flask_login import current_user, login_required
from werkzeug.exceptions import RequestEntityTooLarge

from ..errors import DomainError, Invalid, handle_http_error
from ..extensions import db, limiter
from ..ratelimits import rate
from ..rendering import render
from . import bp, readme_import
from .forms import ImportForm
from .lookup import get_owner_or_403, get_pending_or_404
from .readme import MAX_BYTES, TooLarge, decode

IMPORT = "/u/<username>/import"
NOTHING = "Choose your README file, or paste its Markdown below."


@bp.route(IMPORT, methods=["GET", "POST"])
@login_required
@limiter.limit(rate("readme_import"), methods=["POST"])
def start_import(username):
    learner = get_owner_or_403(username)
    form, status = ImportForm(formdata=None), 200
    try:
        form = ImportForm()
        if form.is_submitted():
            pending = readme_import.start_import(learner, *readme_source(form))
            db.session.commit()
            return redirect(
                url_for(".preview_import", username=username, import_id=pending.id), 303
            )
    except RequestEntityTooLarge:
        form.readme.errors, status = [TooLarge.message_for()], 413
    except DomainError as error:
        field = form.readme if form.readme.data else form.text
        field.errors, status = [error.message], error.status
    return render("profiles/import.html", learner=learner, form=form, status=status)


@bp.errorhandler(RequestEntityTooLarge)
def too_large(error):
    """A body past the app's limit is refused before the view runs: answer with the form."""
    if request.endpoint != "profiles.start_import" or not current_user.is_authenticated:
        return handle_http_error(error)
    form = ImportForm(formdata=None)
    form.readme.errors = [TooLarge.message_for()]
    learner = get_owner_or_403(request.view_args["username"])
    return render("profiles/import.html", learner=learner, form=form, status=413)


def readme_source(form: ImportForm) -> tuple[str, str]:
    """The README's text and file name, from the upload if there is one, else the paste."""
    upload = form.readme.data
    if upload and upload.filename:
        data = upload.stream.read(MAX_BYTES + 1)  # enough to know it is too large
        if len(data) > MAX_BYTES:
            raise TooLarge(TooLarge.message_for(upload_size(upload)))
        return decode(data), upload.filename
    text = form.text.data or ""
    if not text.strip():
        raise Invalid(NOTHING, errors={"readme": NOTHING})
    size = len(text.encode())
    if size > MAX_BYTES:
        raise TooLarge(TooLarge.message_for(size))
    return text, ""


def upload_size(upload) -> int | None:
    """The whole upload's size in bytes: the form parser has already spooled it to a file."""
    try:
        return upload.stream.seek(0, os.SEEK_END)
    except (AttributeError, OSError, ValueError):
        return None


@bp.get(IMPORT + "/<import_id>")
@login_required
def preview_import(username, import_id):
    learner = get_owner_or_403(username)
    pending = get_pending_or_404(learner, import_id)
    plan = readme_import.plan_import(learner, pending)
    return render("profiles/preview.html", learner=learner, pending=pending, plan=plan)


@bp.post(IMPORT + "/<import_id>/confirm")
@login_required
def confirm_import(username, import_id):
    learner = get_owner_or_403(username)
    pending = get_pending_or_404(learner, import_id)
    try:
        readme_import.confirm_import(learner, pending)
    except Invalid as error:
        db.session.rollback()  # nothing of a failed import is kept
        plan = readme_import.plan_import(learner, pending)
        return render(
            "profiles/preview.html",
            learner=learner, pending=pending, plan=plan, error=error, status=422,
        )  # fmt: skip
    db.session.commit()
    flash("Your README is imported. Check your profile below.", "success")
    return redirect(url_for(".show", username=username), 303)


@bp.post(IMPORT + "/<import_id>/cancel")
@login_required
def cancel_import(username, import_id):
    learner = get_owner_or_403(username)
    readme_import.cancel_import(get_pending_or_404(learner, import_id))
    db.session.commit()
    flash("Import cancelled. Nothing on your profile changed.", "info")
    return redirect(url_for(".show", username=username), 303)
