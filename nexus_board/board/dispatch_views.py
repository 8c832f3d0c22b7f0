"""The contract page's mock dispatch rules: add one, remove one."""

from flask import flash, redirect, url_for
from flask_login import current_user, login_required

from ..errors import Invalid
from ..extensions import db, limiter
from ..numbers import whole_number
from ..ratelimits import rate
from . import bp, dispatch_edits, responses, services
from .forms import DispatchRuleForm
from .lookup import get_contract_or_404


@bp.post("/contracts/<int:contract_id>/dispatch")
@login_required
@limiter.limit(rate("dispatch_rule"))
def add_rule(contract_id):
    contract = get_contract_or_404(contract_id, editable=True)
    form = DispatchRuleForm()
    try:
        dispatch_edits.add_rule(contract, form.rule(), current_user,
                                expected_version=form.version.data or 0)  # fmt: skip
    except (Invalid, services.StaleEdit) as error:
        form.show_errors(error)
        return responses.page(contract, status=error.status, dispatch_form=form)
    db.session.commit()
    flash("The mock follows the new rule now.", "success")
    return redirect(url_for("board.show", contract_id=contract_id) + "#mock-rules", 303)


@bp.post("/contracts/<int:contract_id>/dispatch/<index>/delete")
@login_required
@limiter.limit(rate("dispatch_rule"))
def remove_rule(contract_id, index):
    contract = get_contract_or_404(contract_id, editable=True)
    form = DispatchRuleForm()
    try:
        dispatch_edits.remove_rule(contract, _index(index), current_user,
                                   expected_version=form.version.data or 0)  # fmt: skip
    except (Invalid, services.StaleEdit) as error:
        flash(error.message, "error")
    else:
        db.session.commit()
        flash("Rule removed.", "success")
    return redirect(url_for("board.show", contract_id=contract_id) + "#mock-rules", 303)


def _index(text: str) -> int:
    """The rule number shown on the page (1-based) as an index; -1 for a made-up one."""
    number = whole_number(text, high=100)
    return -1 if number is None else number - 1
