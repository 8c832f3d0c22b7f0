"""Account rules: who may register, which names are free, how passwords are checked and
changed, and an admin disabling an account."""

import re
from functools import cache

from flask import current_app
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from .. import audit
from ..caching import changed
from ..errors import Forbidden, Invalid
from ..extensions import db
from ..limits import DISABLE_REASON_CHARS
from ..models import AccountState, Device, Role, Theme, Track, User
from ..models.types import utcnow
from ..text import one_line_problem
from . import devices, names, tokens

USERNAME = re.compile(r"[a-z0-9_-]{3,32}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
MIN_PASSWORD = 12
MAX_PASSWORD = 256
LOOKS_TAKEN = "That name looks too much like another learner's. Add a surname or an initial."


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
    display_name = names.clean_name(display_name)
    email = clean_email(email)
    errors = {}
    if not USERNAME.fullmatch(username):
        errors["username"] = (
            "Use 3–32 characters: lower-case letters, digits, hyphens and underscores."
        )
    elif _exists(User.username == username):
        errors["username"] = "That username is taken."
    elif _looks_like_someone(names.name_key(username), None):
        errors["username"] = "That username looks too much like another learner's name."
    errors.update(_check_display_name(display_name, None, Role(role)))
    errors.update(_check_email(email))
    errors.update(_check_password(password, "password"))
    track = _check_track(track, errors)
    if errors:
        raise Invalid("The account could not be created.", errors=errors)
    user = User(
        username=username,
        display_name=display_name,
        email=email,
        password_hash=hash_password(password),
        track=track,
        role=role,
        name_key=names.name_key(display_name),
        username_key=names.name_key(username),
    )
    db.session.add(user)
    try:
        db.session.flush()
    except IntegrityError:  # someone took the name or email between the check and the insert
        db.session.rollback()
        raise Invalid(
            "The account could not be created.",
            errors={"username": "That username, display name or email is taken."},
        ) from None
    changed("profiles")  # the hub and the directory list learners
    return user


def authenticate(login: str, password: str) -> User | None:
    """The user with this username or email and password, or None (same cost either way).

    A disabled account is returned too: the view says why it cannot sign in.
    """
    login = login.strip().lower()
    column = User.email if "@" in login else User.username
    user = db.session.scalar(select(User).where(column == login))
    if user is None or user.is_deleted:
        # Check a password anyway, hashed the same way, so both failures take the same time.
        check_password_hash(_dummy_hash(current_app.config["PASSWORD_HASH_METHOD"]), password)
        return None
    return user if check_password_hash(user.password_hash, password) else None


def password_matches(user: User, password: str) -> bool:
    return check_password_hash(user.password_hash, password or "")


def update_settings(user: User, *, display_name: str, track: Track | str, email: str | None):
    """Change the public details of an account."""
    display_name = names.clean_name(display_name)
    email = clean_email(email)
    errors = {}
    if display_name != user.display_name:
        errors.update(_check_display_name(display_name, user.id, user.role))
    if email != user.email:
        errors.update(_check_email(email))
    track = _check_track(track, errors)
    if errors:
        raise Invalid("Your settings were not saved.", errors=errors)
    user.display_name = display_name
    user.name_key = names.name_key(display_name)
    user.track = track
    user.email = email
    _flush_names()
    changed("profiles")  # names and tracks show on public pages


def change_password(
    user: User, *, current: str, new: str, keep_tokens: bool = False, device: Device
) -> str:
    """Set a new password after checking the current one. Every other device is signed out
    and, unless `keep_tokens`, every API token revoked. Returns `device`'s new session key."""
    errors = {}
    if not password_matches(user, current):
        errors["current_password"] = "That is not your current password."  # noqa: S105
    errors.update(_check_password(new, "new_password"))
    if errors:
        raise Invalid("Your password was not changed.", errors=errors)
    user.password_hash = hash_password(new)
    if not keep_tokens:
        tokens.revoke_all(user)
    return devices.end_all(user, keep=device)


def set_disabled(user: User, disabled: bool, *, by: User, reason: str = "") -> None:
    """An admin disables an account (every session and token stops at once) or re-enables it."""
    if not by.is_admin:
        raise Forbidden("Only admins can disable or enable accounts.")
    if user.id == by.id:
        raise Forbidden("You cannot disable your own account.")
    if user.is_deleted:
        raise Invalid("That account is deleted.")
    reason = names.clean_name(" ".join((reason or "").split()))  # no bidi tricks either
    if disabled and not 1 <= len(reason) <= DISABLE_REASON_CHARS:
        problem = f"Say why, in up to {DISABLE_REASON_CHARS} characters: the learner sees it."
        raise Invalid("The account was not disabled.", errors={"reason": problem})
    user.state = AccountState.DISABLED if disabled else AccountState.ACTIVE
    user.state_reason = reason if disabled else None
    user.state_changed_at = utcnow()
    if disabled:
        devices.end_all(user)  # re-enabling must not bring back the old sessions
    changed("profiles")
    action = "disable" if disabled else "enable"
    audit.log(by, "account", user.id, action, reason=reason, summary=user.username)


def set_theme(user: User, theme: Theme | None) -> None:
    """Remember the theme `user` picked; None follows their device again.

    Only their own pages show it, and those are never cached: no area changes.
    """
    user.theme = theme


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def clean_email(email: str | None) -> str | None:
    return (email or "").strip().lower() or None


@cache
def _dummy_hash(method: str) -> str:
    return generate_password_hash("not anyone's password", method=method)


def _exists(condition) -> bool:
    return db.session.scalar(select(func.count()).select_from(User).where(condition)) > 0


def _check_display_name(name: str, user_id: int | None, role: Role) -> dict:
    if not 1 <= len(name) <= 80:
        return {"display_name": "Enter a display name of up to 80 characters."}
    problem = one_line_problem(name)
    if problem:
        return {"display_name": problem}
    word = names.badge_word(name)
    if word and role is not Role.ADMIN:
        return {
            "display_name": f"Only admins carry the mentor badge: leave “{word}” out of your name."
        }
    key = names.name_key(name)
    if _looks_like_someone(key, user_id) or _contains_an_admin(key, user_id):
        return {"display_name": LOOKS_TAKEN}
    return {}


def _looks_like_someone(key: str, user_id: int | None) -> bool:
    """Another account's display name or username looks like `key`."""
    condition = or_(User.name_key == key, User.username_key == key)
    if user_id is not None:
        condition = condition & (User.id != user_id)
    return _exists(condition)


def _contains_an_admin(key: str, user_id: int | None) -> bool:
    """An admin's name shows inside `key` ("Grace Mentor ✓" holds "Grace Mentor")."""
    query = select(User.name_key).where(
        User.role == Role.ADMIN, User.state != AccountState.DELETED, User.name_key.is_not(None)
    )
    if user_id is not None:
        query = query.where(User.id != user_id)
    admins = db.session.scalars(query.limit(200))
    return any(len(admin) >= names.SHORTEST_CONTAINED and admin in key for admin in admins)


def _flush_names() -> None:
    try:
        db.session.flush()
    except IntegrityError:  # another account took a lookalike name at the same moment
        db.session.rollback()
        raise Invalid(
            "Your settings were not saved.", errors={"display_name": LOOKS_TAKEN}
        ) from None


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
