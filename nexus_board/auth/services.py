"""Account rules: who may register, how passwords are checked and changed."""

import re
from functools import cache

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from ..caching import changed
from ..errors import Invalid
from ..extensions import db
from ..models import Role, Theme, Track, User
from ..models.user import new_session_token
from ..text import one_line_problem

USERNAME = re.compile(r"[a-z0-9_-]{3,32}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
MIN_PASSWORD = 12
MAX_PASSWORD = 256


def register(
    *,
    username: str,
    display_name: str,
    password: str,
    track: Track | str,
    email: str | None = None,
    role: Role = Role.LEARNER,
) -> User:
    """Create an account, or raise Invalid naming each bad field."""
    username = username.strip().lower()
    email = _clean_email(email)
    errors = {}
    if not USERNAME.fullmatch(username):
        errors["username"] = (
            "Use 3–32 characters: lower-case letters, digits, hyphens and underscores."
        )
    elif _exists(User.username == username):
        errors["username"] = "That username is taken."
    errors.update(_check_display_name(display_name))
    errors.update(_check_email(email))
    errors.update(_check_password(password, "password"))
    track = _check_track(track, errors)
    if errors:
        raise Invalid("The account could not be created.", errors=errors)
    user = User(
        username=username,
        display_name=display_name.strip(),
        email=email,
        password_hash=hash_password(password),
        track=track,
        role=role,
    )
    db.session.add(user)
    try:
        db.session.flush()
    except IntegrityError:  # someone took the name or email between the check and the insert
        db.session.rollback()
        raise Invalid(
            "The account could not be created.",
            errors={"username": "That username or email is taken."},
        ) from None
    changed("profiles")  # the hub and the directory list learners
    return user


def authenticate(login: str, password: str) -> User | None:
    """The user with this username or email and password, or None (same cost either way)."""
    login = login.strip().lower()
    column = User.email if "@" in login else User.username
    user = db.session.scalar(select(User).where(column == login))
    if user is None:
        # Check a password anyway, hashed the same way, so both failures take the same time.
        check_password_hash(_dummy_hash(current_app.config["PASSWORD_HASH_METHOD"]), password)
        return None
    return user if check_password_hash(user.password_hash, password) else None


def update_settings(user: User, *, display_name: str, track: Track | str, email: str | None):
    """Change the public details of an account."""
    email = _clean_email(email)
    errors = _check_display_name(display_name)
    if email != user.email:
        errors.update(_check_email(email))
    track = _check_track(track, errors)
    if errors:
        raise Invalid("Your settings were not saved.", errors=errors)
    user.display_name = display_name.strip()
    user.track = track
    user.email = email
    changed("profiles")  # names and tracks show on public pages


def change_password(user: User, *, current: str, new: str) -> None:
    """Set a new password after checking the current one; signs out other sessions."""
    errors = {}
    if not check_password_hash(user.password_hash, current):
        errors["current_password"] = "That is not your current password."  # noqa: S105
    errors.update(_check_password(new, "new_password"))
    if errors:
        raise Invalid("Your password was not changed.", errors=errors)
    user.password_hash = hash_password(new)
    user.session_token = new_session_token()


def set_theme(user: User, theme: Theme | None) -> None:
    """Remember the theme `user` picked; None follows their device again.

    Only their own pages show it, and those are never cached: no area changes.
    """
    user.theme = theme


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


@cache
def _dummy_hash(method: str) -> str:
    return generate_password_hash("not anyone's password", method=method)


def _exists(condition) -> bool:
    return db.session.scalar(select(func.count()).select_from(User).where(condition)) > 0


def _clean_email(email: str | None) -> str | None:
    return (email or "").strip().lower() or None


def _check_display_name(name: str) -> dict:
    if not 1 <= len(name.strip()) <= 80:
        return {"display_name": "Enter a display name of up to 80 characters."}
    problem = one_line_problem(name.strip())
    return {"display_name": problem} if problem else {}


def _check_email(email: str | None) -> dict:
    if email is None:
        return {}
    if len(email) > 254 or not EMAIL.fullmatch(email):
        return {"email": "Enter an email address like name@example.com, or leave it empty."}
    if _exists(User.email == email):
        return {"email": "Another account uses that email."}
    return {}


def _check_password(password: str, field: str) -> dict:
    if len(password) < MIN_PASSWORD:
        return {field: f"Use at least {MIN_PASSWORD} characters. A few words make a good one."}
    if len(password) > MAX_PASSWORD:
        return {field: f"Use at most {MAX_PASSWORD} characters."}
    return {}


def _check_track(track, errors: dict) -> Track | None:
    try:
        return Track(track)
    except ValueError:
        errors["track"] = "Choose backend or frontend."
        return None
