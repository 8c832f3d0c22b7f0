"""This browser's side of a device (`devices.py`): its session and remember-me cookies.

The session cookie holds the device row's key, never the user id, so ending the row ends the
session even if the cookie is replayed. "Keep me signed in" is our own cookie (Flask-Login's
cannot be replaced on use or expire on the server): a request without a session but with that
cookie gets a new session on the same device and a new remember token. Flask-Login is never
asked to remember anyone (and reads our cookie as none of its own).
"""

from flask import current_app, g, request, session
from flask.sessions import NullSession
from flask_login import current_user, login_user, logout_user

from ..extensions import db
from ..models import Device, User
from . import devices

SESSION_KEYS = ("_user_id", "_fresh", "_id", "_remember", "_remember_seconds")
# Answered from the cookie alone: files, and the inbox badge's poll, whose 304 is bound to the
# device's session key and whose 200 loads (and so checks) the device like any request.
COOKIE_ONLY = {"static", "inbox.badge"}


def sign_in_browser(user: User, *, remember: bool = False) -> None:
    """Sign this browser in as `user` on a new device: a new session (so a new CSRF token and
    no fixation), and a remember-me cookie if asked. The view commits."""
    session.clear()
    opened = devices.open_device(
        user, user_agent=request.user_agent.string, address=request.remote_addr, remember=remember
    )
    _start(user, opened)


def sign_out_browser(*, end_device: bool = True) -> None:
    """End this browser's device (unless already ended), session and remember cookie, and what
    it keeps of the site."""
    device = current_device()
    if device is not None and end_device:
        devices.end(current_user, device.id)
    g.pop("device", None)
    logout_user()
    for key in (*SESSION_KEYS, "csrf_token"):
        session.pop(key, None)
    g.forget_remember = True
    g.clear_site_data = True


def rekey_browser(user: User, session_key: str) -> None:
    """This browser's device got a new key (a password change): the session follows it."""
    user.session_key = session_key
    login_user(user)


def current_device() -> Device | None:
    return g.get("device") if current_user.is_authenticated else None


def fresh_sign_in() -> bool:
    """Whether the password was typed in this browser within the last few minutes."""
    device = current_device()
    return device is not None and devices.is_fresh(device)


def check_session() -> None:
    """Before every request with a session: load its user (the device and the session version
    are checked each time), or restore one from a remember-me cookie."""
    if request.endpoint in COOKIE_ONLY or isinstance(session._get_current_object(), NullSession):
        return
    if "_user_id" in session and not current_user.is_authenticated:
        for key in SESSION_KEYS:
            session.pop(key, None)  # signed out elsewhere: forget the dead key
    remembered = request.cookies.get(current_app.config["REMEMBER_COOKIE_NAME"])
    if "_user_id" not in session and remembered:
        opened = devices.restore(
            remembered, user_agent=request.user_agent.string, address=request.remote_addr
        )
        if opened is None:
            g.forget_remember = True
        else:
            _start(opened.device.user, opened)
    if devices.wrote():
        db.session.commit()  # last seen, a replaced remember token: before the view's own work


def write_cookies(response):
    """Set or clear the remember-me cookie, after a sign-in, a restore or a sign-out."""
    config = current_app.config
    name = config["REMEMBER_COOKIE_NAME"]
    cookie = g.pop("remember_cookie", None)
    if cookie is not None:
        response.set_cookie(
            name,
            cookie,
            expires=g.device.remember_until,
            secure=config["REMEMBER_COOKIE_SECURE"],
            httponly=config["REMEMBER_COOKIE_HTTPONLY"],
            samesite=config["REMEMBER_COOKIE_SAMESITE"],
        )
    elif g.pop("forget_remember", False):
        response.delete_cookie(name)
    if g.pop("clear_site_data", False):
        # Back after signing out must show nothing private: drop the pages this browser keeps
        # of the site and htmx's history snapshots.
        response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response


def _start(user: User, opened: devices.Opened) -> None:
    user.session_key = opened.session_key
    login_user(user)
    g.device = opened.device
    if opened.remember_cookie:
        g.remember_cookie = opened.remember_cookie
