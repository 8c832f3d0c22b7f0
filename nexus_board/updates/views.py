"""Status updates: the feed, posting, deleting, pinning, the 'new updates' poll and Atom."""

from flask import request, url_for
from flask_login import current_user, login_required

from ..caching import cached_page
from ..errors import Invalid
from ..extensions import db, limiter
from ..forms import show_errors
from ..ratelimits import rate
from ..rendering import done, render
from ..replies.page import thread_context
from . import atom, bp, queries, services
from .filters import filters_from
from .lookup import get_update_or_404
from .page import SHOWN, composer_form, contract_links, feed_context


@bp.get("/updates")
@cached_page(*SHOWN)
def feed():
    before = request.args.get("before") or None
    context = feed_context(before=before)
    status = 400 if context["filter_form"].errors else 200
    # Scrolling asks for the next items; a filter change asks for the whole feed section.
    return render("updates/feed.html", "items" if before else "feed", status=status, **context)


@bp.post("/updates")
@login_required
@limiter.limit(rate("update"), key_func=lambda: f"author/{current_user.id}")
def post():
    form = composer_form()
    if form.validate_on_submit():
        try:
            update = services.post_update(
                current_user,
                form.body.data,
                announcement=form.announcement.data,
                question=form.question.data,
                contract_id=form.contract_id(),
            )
        except Invalid as error:
            show_errors(form, error)
        else:
            db.session.commit()
            return _done(
                "Your update is posted.", "feed", "composer", "posted",
                form=composer_form(empty=True), update=update,
                contract_links=contract_links([update]), newest_cursor=queries.cursor_of(update),
            )  # fmt: skip
    return render("updates/feed.html", "composer", status=422, **feed_context(form=form))


@bp.get("/updates/<int:update_id>")
@cached_page(*SHOWN)
def show(update_id):
    return render("updates/show.html", "item", **thread_context(get_update_or_404(update_id)))


@bp.post("/updates/<int:update_id>/delete")
@login_required
def delete(update_id):
    services.delete_update(get_update_or_404(update_id), by=current_user)
    db.session.commit()
    return _done("The update is deleted.", "show", None)  # the item is swapped for nothing


@bp.post("/updates/<int:update_id>/pin", defaults={"pinned": True}, endpoint="pin")
@bp.post("/updates/<int:update_id>/unpin", defaults={"pinned": False}, endpoint="unpin")
@login_required
def set_pinned(update_id, pinned):
    update = get_update_or_404(update_id)
    services.set_pinned(update, pinned, by=current_user)
    db.session.commit()
    message = "Pinned at the top of the feed and the hub." if pinned else "Unpinned."
    return _done(message, "show", "item", update=update, contract_links=contract_links([update]))


@bp.get("/updates/news")
@cached_page("updates", everyone=True)
def news():
    """Polled by the feed and the hub: how many updates are newer than the newest one shown."""
    filters = filters_from(request.args)
    count = queries.count_newer(filters, request.args.get("after") or None)
    on = "hub" if request.args.get("on") == "hub" else "feed"
    return render("updates/news.html", "news", count=count, filters=filters, on=on)


@bp.get("/updates.atom")
@cached_page("updates", "profiles", everyone=True)
def atom_feed():
    return atom.response(filters_from(request.args))


def _done(message: str, page: str, block: str | None, *oob: str, **context):
    """`block` of updates/<page>.html with `oob` blocks and the message, or back to the feed."""
    blocks = [*filter(None, [block]), *oob, "announce"]
    return done(message, back=url_for("updates.feed"), template=f"updates/{page}.html",
                block=blocks[0], oob=blocks[1:], **context)  # fmt: skip
