"""One contract: its page, the post and edit forms, deleting it."""

from dataclasses import asdict

from flask import flash, redirect, request, url_for
from flask_login import current_user, login_required

from ..activity import queries as activity
from ..auth.decorators import track_required
from ..caching import cached_page
from ..errors import Invalid, NotFound
from ..extensions import db, limiter
from ..models import Track
from ..ratelimits import rate
from ..rendering import render
from . import archive, bp, post_tokens, queries, responses, revisions, services
from .forms import ContractForm
from .lookup import get_contract_or_404
from .specs import draft_of


@bp.app_template_global()
def claimer_alerts(contract):
    """For the claimer's banner, wherever the status panel is drawn (a page or a fragment)."""
    return queries.claimer_alerts(contract)


@bp.get("/contracts/<int:contract_id>")
@cached_page("board", "profiles")  # for visitors; the names of its people show too
def show(contract_id):
    try:
        # Its responses show in the kept request and responses section: a visitor's page reads
        # them on a miss only; a signed-in viewer's is told whether they need fixing.
        contract = get_contract_or_404(contract_id, full=current_user.is_authenticated)
    except NotFound:
        deleted = archive.find_deleted(contract_id)
        if deleted is None:
            raise
        return render(
            "board/deleted.html",
            deleted=deleted,
            record=archive.readable(deleted),
            status=410,
            activity=activity.of_contract(contract_id),
            diff_lines=revisions.diff_lines,
            is_short=revisions.is_short,
        )
    return responses.page(contract)


@bp.route("/contracts/new", methods=["GET", "POST"])
@track_required(Track.BACKEND)
@limiter.limit(rate("contract"), methods=["POST"])
def new():
    first = {"method": "GET", "responses": [{"status_code": "200"}],
             "post_token": post_tokens.new_token()}  # fmt: skip
    form = ContractForm(data=first if request.method == "GET" else None)
    if form.is_submitted() and not form.edit_rows(request.form) and form.validate():
        token = post_tokens.parse(form.post_token.data)
        try:
            contract = services.create_contract(form.draft(), current_user, post_token=token)
        except (Invalid, services.Duplicate) as error:
            return _form_page(form, error=error)
        db.session.commit()
        flash(f"Posted {contract.endpoint}. Frontend learners can claim it now.", "success")
        return redirect(url_for("board.show", contract_id=contract.id), 303)
    return _form_page(form)


@bp.route("/contracts/<int:contract_id>/edit", methods=["GET", "POST"])
@login_required
def edit(contract_id):
    contract = get_contract_or_404(contract_id, editable=True)
    if contract.operation_type:  # a GraphQL operation has its own form
        return redirect(url_for("gql.edit", contract_id=contract_id), 303)
    saved = asdict(draft_of(contract)) | {"version": contract.version}
    form = ContractForm(data=saved if request.method == "GET" else None)
    if form.is_submitted() and not form.edit_rows(request.form) and form.validate():
        try:
            revision = services.update_contract(
                contract, form.draft(), current_user, expected_version=form.version.data or 0
            )
        except (Invalid, services.Duplicate, services.StaleEdit) as error:
            return _form_page(form, contract, error=error)
        db.session.commit()
        flash(f"Saved version {revision.version}." if revision else "Nothing changed.", "success")
        return redirect(url_for("board.show", contract_id=contract_id), 303)
    return _form_page(form, contract)


@bp.get("/contracts/drafts")
@track_required(Track.BACKEND)
def drafts():
    """The signed-in learner's drafts: only they see them, until each is published."""
    return render("board/drafts.html", drafts=queries.drafts_of(current_user.id))


@bp.post("/contracts/<int:contract_id>/publish")
@login_required
def publish(contract_id):
    contract = get_contract_or_404(contract_id)
    try:
        services.publish(contract, current_user)
    except Invalid as error:
        flash(f"Not published: {error.message} {' '.join(error.errors.values())}", "error")
        return redirect(url_for("board.edit", contract_id=contract_id), 303)
    db.session.commit()
    flash(f"Published {contract.endpoint}: frontend learners can claim it now.", "success")
    return redirect(url_for("board.show", contract_id=contract_id), 303)


@bp.post("/contracts/<int:contract_id>/delete")
@login_required
def delete(contract_id):
    contract = get_contract_or_404(contract_id)
    endpoint = contract.endpoint
    services.delete_contract(contract, current_user)
    db.session.commit()
    flash(f"Deleted {endpoint}.", "success")
    return redirect(url_for("board.index"), 303)


def _form_page(form: ContractForm, contract=None, *, error=None):
    """The form again, with the errors (or the newer version) shown where they belong."""
    stale = newer = None
    if isinstance(error, services.StaleEdit):
        stale = error.contract
        newer = [r for r in queries.revisions_of(stale.id) if r.version > (form.version.data or 0)]
        form.version.data, form.version.raw_data = stale.version, [str(stale.version)]
    elif error is not None:
        form.show_errors(error)
    return render(
        "board/form.html",
        "responses",
        status=error.status if error else (422 if form.errors else 200),
        form=form,
        contract=contract,
        error=error,
        duplicate=getattr(error, "existing", None),
        stale=stale,
        newer=newer,
        projects=queries.project_choices,
        diff_lines=revisions.diff_lines,
        is_short=revisions.is_short,
    )
