"""/inbox: notifications newest first (unread breaking changes on top), marking them read, and
the unread badge in the navigation, polled cheaply.

The badge's poll carries the learner's id; while their inbox marker has not moved it answers
304 from the session cookie and the cache alone: no user is loaded, no SQL runs.
"""

import hashlib
from functools import partial

from flask import current_app, g, request, session, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from ..caching import cached_value, generations, tag
from ..extensions import db
from ..numbers import whole_number
from ..rendering import done, render
from . import bp, queries, services

PAGE = "inbox/index.html"
SAFE = {"GET", "HEAD"}  # methods that change no inbox


@bp.get("/inbox")
@login_required
def index():
    before = whole_number(request.args.get("before", ""), low=1)
    box = queries.inbox(current_user.id, before)
    return render(PAGE, "items" if before else None, inbox=box)


@bp.post("/inbox/<int:notification_id>/read")
@login_required
def mark_read(notification_id):
    notification = services.get_notification(notification_id, current_user)
    services.mark_read(notification)
    db.session.commit()
    return done("Marked as read.", back=url_for("inbox.index"), template="inbox/_entry.html",
                block="entry", oob=("badge", "announce"), notification=notification,
                unread=queries.unread_count(current_user.id))  # fmt: skip


@bp.post("/inbox/read")
@login_required
def mark_all_read():
    count = services.mark_all_read(current_user)
    db.session.commit()
    message = f"Marked {count} notification{'s' if count != 1 else ''} as read."
    return done(message, back=url_for("inbox.index"), template=PAGE, block="inbox",
                oob=("badge", "announce"), inbox=queries.inbox(current_user.id))  # fmt: skip


@bp.get("/inbox/badge")
def badge():
    person = whole_number(request.args.get("for", ""), low=1)
    token = session.get("_user_id")  # Flask-Login's id for the session: no query needed
    if person and token:
        etag = _etag(person, token)
        if etag and request.if_none_match.contains_weak(etag):
            return _tagged(Response(status=304), etag)
    if not current_user.is_authenticated:
        return Response(status=204)  # signed out meanwhile: leave the badge as it is
    etag = _etag(current_user.id, current_user.get_id())  # markers first, then the count
    response = render("inbox/_badge.html", "badge", unread=queries.unread_count(current_user.id))
    return _tagged(response, etag) if etag else response


def _etag(person: int, token: str) -> str:
    marks = generations("inbox", person=person)
    if not marks:  # the cache is down: no 304 can be promised
        return ""
    secret = hashlib.sha256(f"{current_app.config['SECRET_KEY']}/{token}".encode()).hexdigest()
    return tag(marks, str(person), secret)


def _tagged(response: Response, etag: str) -> Response:
    response.set_etag(etag, weak=True)
    response.headers["Cache-Control"] = "private, no-cache"
    response.vary.add("Cookie")
    response.vary.add("HX-Request")
    return response


@bp.app_template_global()
def unread_notifications() -> int:
    """The signed-in learner's unread count, for the navigation: on every page, so it is kept
    under their inbox markers, which every new or read notification of theirs moves."""
    if not current_user.is_authenticated:
        return 0
    device = g.get("device")
    if request.method in SAFE and device is not None and device.unread_notifications is not None:
        return device.unread_notifications  # read with the device; a GET changes no inbox
    person = current_user.id
    count = partial(queries.unread_count, person)
    return cached_value(f"inbox/unread/{person}", "inbox", person=person, compute=count)
