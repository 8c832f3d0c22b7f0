"""Posting and editing a GraphQL contract (one operation); the rest of its life (claiming,
comments, history, deleting) is the board's, as for any contract."""

from dataclasses import asdict

from flask import flash, redirect, request, url_for
from flask_login import current_user, login_required

from ..auth.decorators import track_required
from ..board import queries as board_queries
from ..board.lookup import get_contract_or_404
from ..board.revisions import diff_lines, is_short
from ..board.services import Duplicate, StaleEdit
from ..errors import Invalid, NotFound
from ..extensions import db, limiter
from ..forms import show_errors
from ..models import Track
from ..ratelimits import rate
from ..rendering import render
from . import bp, services
from .forms import OperationForm
from .lookup import get_graphql_project_or_404


@bp.route("/projects/<slug>/operations/new", methods=["GET", "POST"])
@track_required(Track.BACKEND)
@limiter.limit(rate("contract"), methods=["POST"])
def new(slug):
    project = get_graphql_project_or_404(slug)
    form = OperationForm()
    if form.validate_on_submit():
        try:
            contract = services.create_operation(project, form.draft(), current_user)
        except (Invalid, Duplicate) as error:
            return _form_page(form, project, error=error)
        db.session.commit()
        flash(f"Posted {contract.endpoint}. Frontend learners can claim it now.", "success")
        return redirect(url_for("board.show", contract_id=contract.id), 303)
    return _form_page(form, project)


@bp.route("/contracts/<int:contract_id>/operation", methods=["GET", "POST"])
@login_required
def edit(contract_id):
    contract = get_contract_or_404(contract_id, editable=True)
    if not contract.operation_type:
        raise NotFound("That contract is an endpoint, not a GraphQL operation.")
    saved = asdict(services.draft_of(contract)) | {"version": contract.version}
    form = OperationForm(data=saved if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            revision = services.update_operation(
                contract, form.draft(), current_user, expected_version=form.version.data or 0
            )
        except (Invalid, Duplicate, StaleEdit) as error:
            return _form_page(form, contract.project, contract, error=error)
        db.session.commit()
        flash(f"Saved version {revision.version}." if revision else "Nothing changed.", "success")
        return redirect(url_for("board.show", contract_id=contract_id), 303)
    return _form_page(form, contract.project, contract)


def _form_page(form: OperationForm, project, contract=None, *, error=None):
    stale = newer = None
    if isinstance(error, StaleEdit):
        stale = error.contract
        newer = [
            r for r in board_queries.revisions_of(stale.id) if r.version > (form.version.data or 0)
        ]
        form.version.data, form.version.raw_data = stale.version, [str(stale.version)]
    elif error is not None:
        show_errors(form, error)
    return render(
        "gql/operation_form.html",
        status=error.status if error else 200,
        form=form,
        project=project,
        contract=contract,
        error=error,
        stale=stale,
        newer=newer,
        diff_lines=diff_lines,
        is_short=is_short,
    )
