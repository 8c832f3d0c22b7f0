"""How the contract page and board actions answer: a card or status fragment with out-of-band
updates for htmx, post/redirect/get for plain forms. The one place that tells the two apart (via
`render`), and the one place that knows what the contract page shows."""

from flask import flash, redirect, request, url_for
from flask_login import current_user

from .. import rendering
from ..activity import queries as activity
from ..models import Contract
from ..models.types import utc_today
from ..rendering import render, wants_fragment
from . import mock_rules, policy, queries, revisions, schema_view, services
from .filters import BoardFilters
from .forms import CommentForm, DispatchRuleForm, HideForm

PAGE = "page"  # the action came from the contract page; anything else means the board


def page(contract: Contract, *, status: int = 200, block: str | None = None, oob=(), **extra):
    """The contract's page (for htmx, its `block`), with everything it shows."""
    context = {
        "activity": activity.of_contract(contract.id),
        "comments": queries.comments_on(contract.id, current_user),
        # A form makes a CSRF token; visitors get no form, so their page can be cached.
        "comment_form": CommentForm(formdata=None) if current_user.is_authenticated else None,
        "diff_lines": revisions.diff_lines,
        "is_short": revisions.is_short,
        "schemas": schema_view.for_contract,
        "today": utc_today,
        "dispatch_rules_of": mock_rules.rules,  # read by the section, when it is rendered
        "named_examples": mock_rules.named,
        "dispatch_form": _dispatch_form(contract),
    }
    context |= _status_context(contract) | extra
    return render("board/contract.html", block, status=status, oob=oob, **context)


def _dispatch_form(contract: Contract) -> DispatchRuleForm | None:
    """The form that adds a mock rule, for those who may edit (visitors' pages are cached)."""
    if not ({policy.Action.EDIT, policy.Action.REPAIR} & policy.allowed(current_user, contract)):
        return None
    return DispatchRuleForm(formdata=None, data={"version": contract.version})


def done(contract: Contract, message: str, *, moved: bool):
    """A move or flag change succeeded: update the card (and counts) or the status panel."""
    view = request.form.get("view")
    back = _back(contract, view)
    if view == PAGE:
        context = _status_context(contract)
        return rendering.done(message, back=back, template="board/contract.html",
                              block="status", oob=["announce"], **context)  # fmt: skip
    filters = BoardFilters.from_args(request.form, signed_in=True)
    oob = ["counts", "announce", *(["moved"] if moved else [])]
    return rendering.done(
        message, back=back, template="board/card.html", block="card", oob=oob, moved=moved,
        counts=queries.status_counts(filters, current_user), **_context(contract),
    )  # fmt: skip


def refused(contract: Contract, message: str):
    """Someone else got there first: show who holds it, in place, with a 409."""
    view = request.form.get("view")
    if not wants_fragment():
        flash(message, "error")
        return redirect(_back(contract, view), 303)
    if view == PAGE:
        return render("board/contract.html", "status", status=409, notice=message,
                      **_status_context(contract))  # fmt: skip
    return render("board/card.html", "card", status=409, notice=message, moved=False,
                  **_context(contract))  # fmt: skip


def commented(contract: Contract, comment):
    """A comment was added: the thread with a fresh form, or back to the page at the comment."""
    if not wants_fragment():
        url = url_for("board.show", contract_id=contract.id)
        return redirect(f"{url}#comment-{comment.id}", 303)
    return thread(contract, CommentForm(formdata=None), message="Your comment is posted.")


def thread(contract: Contract, form, status: int = 200, message: str | None = None, **editing):
    """The comments section: the thread and the form (with its errors, if any); a plain form's
    errors come back on the whole page. `editing` (its id and form) shows a comment as a form."""
    if not wants_fragment():
        if message and status < 400:
            flash(message, "success")
            return redirect(url_for("board.show", contract_id=contract.id) + "#comments", 303)
        return page(contract, status=status, comment_form=form, **editing)
    return render(
        "board/contract.html",
        "comments",
        status=status,
        oob=["announce"] if message else [],
        contract=contract,
        comments=queries.comments_on(contract.id, current_user),
        comment_form=form,
        message=message,
        **editing,
    )


def _context(contract: Contract) -> dict:
    return {"contract": contract, "allowed": policy.allowed}


def _status_context(contract: Contract) -> dict:
    """What the page's status panel shows: the buttons, and to signed-in people whether it
    needs fixing (only those who may fix it are told; visitors' pages are cached)."""
    problem = services.needs_fixing(contract) if current_user.is_authenticated else None
    hiding = policy.hiding_allowed(current_user, contract, needs_fixing=problem is not None)
    hide_form = HideForm(formdata=None) if policy.Action.HIDE in hiding else None
    return _context(contract) | {"problem": problem, "hiding": hiding, "hide_form": hide_form}


def _back(contract: Contract, view: str | None) -> str:
    if view == PAGE:
        return url_for("board.show", contract_id=contract.id)
    return url_for("board.index") + f"#card-{contract.id}"
