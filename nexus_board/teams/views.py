"""A project's page, its details and working agreement, joining the team."""

from flask import url_for
from flask_login import current_user, login_required

from ..caching import cached_page
from ..errors import Conflict, Invalid
from ..extensions import db, limiter
from ..forms import show_errors
from ..numbers import whole_number
from ..ratelimits import rate
from ..rendering import done, render
from . import bp, partners, services
from .forms import AgreementForm, DetailsForm
from .lookup import get_project_or_404
from .page import ProjectPage

PAGE = "teams/show.html"
bp.add_app_template_global(partners.partner_projects, "partner_projects")


@bp.get("/projects/<slug>")
@cached_page("teams", "board", "profiles")
def show(slug):
    return render(PAGE, "team", page=ProjectPage(get_project_or_404(slug)))


@bp.post("/projects/<slug>/details")
@login_required
def details(slug):
    project = get_project_or_404(slug)
    form = DetailsForm()
    try:
        services.edit_details(project, current_user, **_fields(form))
    except Invalid as error:
        show_errors(form, error)
        return render(PAGE, "details", status=422, page=ProjectPage(project, details=form))
    db.session.commit()
    return _done("The project is saved.", project, "details")


@bp.post("/projects/<slug>/agreement")
@login_required
def agreement(slug):
    project = get_project_or_404(slug)
    form = AgreementForm()
    version = whole_number(form.version.data or "") or 0
    try:
        services.edit_agreement(project, current_user, form.agreement.data, version)
    except (Invalid, Conflict) as error:
        show_errors(form, error)
        db.session.rollback()
        status = 409 if isinstance(error, Conflict) else 422
        return render(PAGE, "agreement", status=status, page=ProjectPage(project, agreement=form))
    db.session.commit()
    return _done("The working agreement is saved.", project, "agreement")


@bp.post("/projects/<slug>/join")
@login_required
@limiter.limit(rate("join"))
def join(slug):
    project = get_project_or_404(slug)
    services.ask_to_join(project, current_user)
    db.session.commit()
    return _done("You asked to join: a member will accept you.", project, "team")


@bp.post("/projects/<slug>/members/<int:user_id>/accept")
@login_required
def accept(slug, user_id):
    project = get_project_or_404(slug)
    row = services.accept(project, user_id, current_user)
    db.session.commit()
    return _done(f"{row.user.display_name} is in the team.", project, "team")


def _done(message: str, project, block: str):
    db.session.refresh(project)
    return done(message, back=url_for("teams.show", slug=project.slug), template=PAGE,
                block=block, oob=["announce"], page=ProjectPage(project))  # fmt: skip


def _fields(form: DetailsForm) -> dict:
    return {
        "description": form.description.data or "",
        "repository_url": form.repository_url.data or "",
        "looking_for": form.looking_for.data or "",
    }
