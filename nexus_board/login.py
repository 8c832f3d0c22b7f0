"""How Flask-Login finds the user, and what a signed-out (or not freshly signed-in) visitor
gets on a protected URL. Signing a browser in and out is `auth/browser.py`."""

from urllib.parse import urlsplit

from flask import Flask, g, redirect, request, url_for

from .auth import browser, devices
from .errors import error_response, wants_json
from .extensions import htmx, login_manager
from .models import User


@login_manager.user_loader
def load_user(session_key: str) -> User | None:
    """The user of the live device the session names (checked on every request)."""
    device = devices.find(session_key)
    if device is None:
        return None
    g.device = device
    device.user.session_key = session_key
    return device.user


@login_manager.unauthorized_handler
def unauthorized():
    return _send_to("auth.sign_in", "Sign in to do that.")


@login_manager.needs_refresh_handler
def needs_refresh():
    return _send_to("auth.confirm", "Confirm your password to do that.")


def _send_to(endpoint: str, message: str):
    target = url_for(endpoint, next=_return_path())
    if not (wants_json() or htmx):
        return redirect(target)
    response = error_response(401, message)
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
    login_manager.refresh_view = "auth.confirm"
    login_manager.session_protection = "basic"
    app.before_request(browser.check_session)
    app.after_request(browser.write_cookies)
