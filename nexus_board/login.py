"""How Flask-Login finds the user and what a signed-out visitor gets on a protected URL."""

from urllib.parse import urlsplit

from flask import Flask, redirect, request, url_for
from sqlalchemy import select

from .errors import error_response, wants_json
from .extensions import db, htmx, login_manager
from .models import User


@login_manager.user_loader
def load_user(session_token: str) -> User | None:
    return db.session.scalar(select(User).where(User.session_token == session_token))


@login_manager.unauthorized_handler
def unauthorized():
    target = url_for("auth.sign_in", next=_return_path())
    if not (wants_json() or htmx):
        return redirect(target)
    response = error_response(401, "Sign in to do that.")
    if not wants_json():  # htmx: a fragment cannot show a sign-in page, so the window goes there
        response.headers["HX-Redirect"] = target
    return response


def _return_path() -> str | None:
    """Where to come back to: this page, or for htmx and forms the page the user was on."""
    if htmx:
        url = htmx.current_url
    elif request.method == "GET":
        url = request.url
    else:
        url = request.referrer
    if not url:
        return None
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def register(app: Flask) -> None:
    login_manager.login_view = "auth.sign_in"
    login_manager.session_protection = "basic"
