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
from ..ratelimits import rate
from ..rendering import render
from . import bp, readme_import, services
from .forms import ConfirmForm, ImportForm, ReadmeForm

KINDS = {"openapi": services, "readme": readme_import}  # each kind's preview and confirm


@bp.route("/projects/import", methods=["GET", "POST"])
@track_required(Track.BACKEND)
@limiter.limit(rate("openapi_import"), methods=["POST"])
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
    return _import_page(form=form)


@bp.post("/projects/import/readme")
@track_required(Track.BACKEND)
@limiter.limit(rate("openapi_import"))
def start_readme():
    readme = ReadmeForm(prefix="readme")
    if readme.validate_on_submit():
        filename, data = readme.upload()
        try:
            pending = readme_import.start(current_user, readme.project.data, filename, data)
        except DomainError as error:
            show_errors(readme, error)
        else:
            db.session.commit()
            return redirect(url_for("openapi.preview", import_id=pending.id), 303)
    return _import_page(readme=readme)


def _import_page(form=None, readme=None):
    form = form or ImportForm(formdata=None, project=request.args.get("project", ""))
    readme = readme or ReadmeForm(
        formdata=None, prefix="readme", project=request.args.get("project", "")
    )
    failed = form.errors or form.form_errors or readme.errors or readme.form_errors
    return render("openapi/import.html", form=form, readme=readme,
                  projects=queries.project_choices, status=422 if failed else 200)  # fmt: skip


@bp.get("/projects/import/<int:import_id>")
@track_required(Track.BACKEND)
def preview(import_id):
    pending = services.get_import(import_id, current_user)
    return _preview_page(pending, KINDS[pending.kind].preview(pending, current_user))


@bp.post("/projects/import/<int:import_id>")
@track_required(Track.BACKEND)
@limiter.limit(rate("openapi_import"))
def confirm(import_id):
    pending = services.get_import(import_id, current_user)
    kind = KINDS[pending.kind]
    form = ConfirmForm()
    if not form.validate_on_submit():
        return _preview_page(pending, kind.preview(pending, current_user), status=400)
    try:
        plan = kind.confirm(pending, current_user, form.fingerprint.data or "")
    except services.PlanChanged as changed:
        db.session.rollback()
        return _preview_page(pending, changed.plan, error=changed.message, status=409)
    except DomainError as error:  # a contract changed or appeared at this very moment
        db.session.rollback()
        pending = services.get_import(import_id, current_user)
        plan = KINDS[pending.kind].preview(pending, current_user)
        return _preview_page(pending, plan, error=error.message, status=error.status)
    db.session.commit()
    if pending.kind == "readme":
        flash(f"{len(plan.created)} draft contracts made in {plan.project}: only you see them "
              "until you give each a response example and publish it.", "success")  # fmt: skip
        return redirect(url_for("board.drafts"), 303)
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
        "openapi/readme_preview.html" if pending.kind == "readme" else "openapi/preview.html",
        pending=pending,
        plan=plan,
        form=form,
        error=error,
        status=status,
        diff_lines=revisions.diff_lines,
        is_short=revisions.is_short,
    )
