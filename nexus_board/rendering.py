"""One place decides whether a view answers with a whole page or one fragment of it."""

from flask import flash, make_response, redirect, render_template
from jinja2_fragments.flask import render_blocks

from .extensions import htmx


def wants_fragment() -> bool:
    """A plain htmx request wants a fragment; boosted and history-restore requests want pages."""
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def render(template: str, block: str | None = None, *, status: int = 200, oob=(), **context):
    """Render `template`, or only `block` (plus out-of-band `oob` blocks) for an htmx request.

    The fragment is a named block of the page's own template, so the two never drift. Templates
    see `fragment=True` when answering htmx and can mark `oob` blocks with `hx-swap-oob`.
    """
    if block and wants_fragment():
        html = render_blocks(template, [block, *oob], fragment=True, **context)
    else:
        html = render_template(template, fragment=False, **context)
    response = make_response(html, status)
    response.vary.add("HX-Request")
    return response


def done(message: str, *, back: str, template: str, block: str, oob=(), **context):
    """A write went through. A plain form gets post/redirect/get: a 303 to `back`, `message`
    flashed. htmx gets `block` with its `oob` blocks, which show `message` in place."""
    if not wants_fragment():
        flash(message, "success")
        return redirect(back, 303)
    return render(template, block, oob=oob, message=message, **context)
