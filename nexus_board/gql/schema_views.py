"""A GraphQL project's schema: its versions and their diffs, the upload with its preview, and
the downloads (the schema as SDL, every operation as one .graphql file)."""

from flask import Response, flash, redirect, request, url_for
from flask_login import current_user

from .. import limits
from ..auth.decorators import track_required
from ..board import queries as board_queries
from ..board.revisions import diff_lines
from ..errors import Invalid, NotFound
from ..extensions import db, limiter
from ..forms import show_errors
from ..models import Track
from ..ratelimits import rate
from ..rendering import render
from . import bp, queries, schema_services
from .exports import operations_file
from .forms import ConfirmSchemaForm, SchemaForm
from .lookup import get_graphql_project_or_404


@bp.get("/projects/<slug>/schema")
def schema(slug):
    project = get_graphql_project_or_404(slug)
    versions = queries.versions(project.id)
    return render(
        "gql/schema.html",
        project=project,
        versions=versions,
        diffs=_diffs(versions),
        may_upload=current_user.is_authenticated
        and schema_services.may_upload(current_user, project),
    )


@bp.route("/graphql/schema", methods=["GET", "POST"])
@track_required(Track.BACKEND)
@limiter.limit(rate("graphql_schema"), methods=["POST"])
def upload():
    """The upload form; a valid upload answers with its preview, saving nothing."""
    form = SchemaForm(project=request.args.get("project", ""))
    if form.validate_on_submit():
        try:
            plan = schema_services.preview(current_user, form.project.data, form.schema_text())
        except Invalid as error:
            show_errors(form, error)
        else:
            confirm = ConfirmSchemaForm(formdata=None, project=plan.project_name, schema=plan.sdl)
            return render(
                "gql/preview.html",
                plan=plan,
                form=confirm,
                lines=diff_lines(plan.previous.sdl if plan.previous else "", plan.sdl),
            )
    return _upload_page(form, 422 if form.errors or form.form_errors else 200)


@bp.post("/graphql/schema/save")
@track_required(Track.BACKEND)
@limiter.limit(rate("graphql_schema"))
def save():
    form = ConfirmSchemaForm()
    if not form.validate_on_submit():
        return redirect(url_for("gql.upload"), 303)
    try:
        row = schema_services.save(current_user, form.project.data, form.schema.data or "")
    except Invalid as error:
        retry = SchemaForm(formdata=None, project=form.project.data, text=form.schema.data)
        show_errors(retry, error)
        return _upload_page(retry, error.status)
    db.session.commit()
    flash(f"Saved schema version {row.version} of {row.project.name}.", "success")
    return redirect(url_for("gql.schema", slug=row.project.slug), 303)


@bp.get("/projects/<slug>/schema.graphql")
def sdl(slug):
    current = queries.current_schema(get_graphql_project_or_404(slug).id)
    if current is None:
        raise NotFound("The project has no schema yet.")
    return _download(current.sdl, f"{slug}.schema.graphql")


@bp.get("/projects/<slug>/operations.graphql")
def operations(slug):
    project = get_graphql_project_or_404(slug)
    return _download(operations_file(project), f"{slug}.operations.graphql")


def _upload_page(form: SchemaForm, status: int):
    return render(
        "gql/upload.html",
        status=status,
        form=form,
        limits=limits,
        projects=board_queries.project_choices,
    )


def _download(text: str, filename: str) -> Response:
    response = Response(text, mimetype="application/graphql")
    if request.args.get("download"):
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Access-Control-Allow-Origin"] = "*"  # public: codegen may fetch it
    return response


def _diffs(versions) -> dict[int, list]:
    """Each version's line diff against the one before it (versions come newest first)."""
    pairs = zip(versions, [*versions[1:], None], strict=True)
    return {new.version: diff_lines(old.sdl if old else "", new.sdl) for new, old in pairs}
