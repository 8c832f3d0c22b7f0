"""How board actions answer: a card or status fragment with out-of-band updates for htmx,
post/redirect/get for plain forms. The one place that tells the two apart (via `render`)."""

from flask import flash, redirect, request, url_for
from flask_login import current_user

from .. import rendering
from ..models import Contract
from ..rendering import render, wants_fragment
from . import policy, queries
from .filters import BoardFilters
from .forms import CommentForm

PAGE = "page"  # the action came from the contract page; anything else means the board


def done(contract: Contract, message: str, *, moved: bool):
    """A move or flag change succeeded: update the card (and counts) or the status panel."""
    view = request.form.get("view")
    back = _back(contract, view)
    if view == PAGE:
        page = "board/contract.html"
        return rendering.done(message, back=back, template=page, block="status",
                              oob=["announce"], **_context(contract))  # fmt: skip
    filters = BoardFilters.from_args(request.form, signed_in=True)
    oob = ["counts", "announce", *(["moved"] if moved else [])]
    return rendering.done(
        message, back=back, template="board/card.html", block="card", oob=oob, moved=moved,
        counts=queries.status_counts(filters, current_user.id), **_context(contract),
    )  # fmt: skip


def refused(contract: Contract, message: str):
    """Someone else got there first: show who holds it, in place, with a 409."""
    view = request.form.get("view")
    if not wants_fragment():
        flash(message, "error")
        return redirect(_back(contract, view), 303)
    template = "board/contract.html" if view == PAGE else "board/card.html"
    block = "status" if view == PAGE else "card"
    return render(template, block, status=409, notice=message, moved=False, **_context(contract))


def commented(contract: Contract, comment):
    """A comment was added: the thread with a fresh form, or back to the page at the comment."""
    if not wants_fragment():
        url = url_for("board.show", contract_id=contract.id)
        return redirect(f"{url}#comment-{comment.id}", 303)
    return thread(contract, CommentForm(formdata=None), message="Your comment is posted.")


def thread(contract: Contract, form, status: int = 200, message: str | None = None):
    """The comments section: the thread and the form (with its errors, if any)."""
    return render(
        "board/contract.html",
        "comments",
        status=status,
        oob=["announce"] if message else [],
        contract=contract,
        comments=queries.comments_on(contract.id),
        comment_form=form,
        message=message,
    )


def _context(contract: Contract) -> dict:
    return {"contract": contract, "allowed": policy.allowed}


def _back(contract: Contract, view: str | None) -> str:
    if view == PAGE:
        return url_for("board.show", contract_id=contract.id)
    return url_for("board.index") + f"#card-{contract.id}"
