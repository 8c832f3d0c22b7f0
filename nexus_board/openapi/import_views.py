"""Importing an OpenAPI document into a project: upload, preview, then confirm or cancel."""

from flask import flash, redirect, request, url_for
from flask_login import current_user

from ..auth.decorators import track_required
from ..board import queries, revisions
from ..board.specs import project_slug
from ..errors import DomainError, Invalid
from ..extensions import db, limiter
from ..forms import show_errors
from ..models import Track
from ..rendering import render
from . import bp, services
from .forms import ConfirmForm, ImportForm


@bp.route("/projects/import", methods=["GET", "POST"])
@track_required(Track.BACKEND)
@limiter.limit("30 per hour", methods=["POST"])
def start():
    form = ImportForm(project=request.args.get("project", ""))
    if form.validate_on_submit():
        filename, data = form.upload()
        try:
            pending = services.start_import(current_user, form.project.data, filename, data)
        except Invalid as error:
            show_errors(form, error)
        else:
            db.session.commit()
            return redirect(url_for("openapi.preview", import_id=pending.id), 303)
    status = 422 if form.errors or form.form_errors else 200
    return render("openapi/import.html", form=form, projects=queries.project_choices, status=status)


@bp.get("/projects/import/<int:import_id>")
@track_required(Track.BACKEND)
def preview(import_id):
    pending = services.get_import(import_id, current_user)
    return _preview_page(pending, services.preview(pending, current_user))


@bp.post("/projects/import/<int:import_id>")
@track_required(Track.BACKEND)
@limiter.limit("30 per hour")
def confirm(import_id):
    pending = services.get_import(import_id, current_user)
    form = ConfirmForm()
    if not form.validate_on_submit():
        return _preview_page(pending, services.preview(pending, current_user), status=400)
    try:
        plan = services.confirm(pending, current_user, form.fingerprint.data or "")
    except services.PlanChanged as changed:
        db.session.rollback()
        return _preview_page(pending, changed.plan, error=changed.message, status=409)
    except DomainError as error:  # a contract changed or appeared at this very moment
        db.session.rollback()
        pending = services.get_import(import_id, current_user)
        plan = services.preview(pending, current_user)
        return _preview_page(pending, plan, error=error.message, status=error.status)
    db.session.commit()
    flash(f"Imported into {plan.project}: {len(plan.created)} created, "
          f"{len(plan.changed)} changed.", "success")  # fmt: skip
    return redirect(url_for("board.index", project=project_slug(plan.project)), 303)


@bp.post("/projects/import/<int:import_id>/cancel")
@track_required(Track.BACKEND)
def cancel(import_id):
    services.cancel(services.get_import(import_id, current_user))
    db.session.commit()
    flash("Import cancelled: nothing was changed.", "info")
    return redirect(url_for("openapi.start"), 303)


def _preview_page(pending, plan, *, error: str | None = None, status: int = 200):
    form = ConfirmForm(formdata=None, fingerprint=plan.fingerprint())
    return render(
        "openapi/preview.html",
        pending=pending,
        plan=plan,
        form=form,
        error=error,
        status=status,
        diff_lines=revisions.diff_lines,
        is_short=revisions.is_short,
    )
