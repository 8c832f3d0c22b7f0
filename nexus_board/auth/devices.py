"""Signed-in devices: open one at sign-in, find the one a cookie names, end one or all of them.

Plain functions, no request, no commit. A session key is "<device id>.<secret>"; only the
secret's SHA-256 is stored, as for API tokens. A device is signed out when its row is gone, when
the user's session version moved past the device's (a password change, "sign out everywhere",
an admin disabling the account), when the account is not active, or when it expired: idle for
`SESSION_IDLE_TIMEOUT`, or for a remembered device at the end of its remember-me time.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.orm import contains_eager
from sqlalchemy.orm.attributes import set_committed_value

from ..errors import NotFound
from ..extensions import db
from ..limits import DEVICES_PER_USER, USER_AGENT_CHARS
from ..models import Device, Notification, User
from ..models.types import utcnow
from ..numbers import whole_number

# Writing "last seen" on every page view would make each one a write; this is precise enough.
SEEN_PRECISION = timedelta(minutes=5)
# A replaced remember token still works this long, so tabs restoring at once all stay signed in.
REMEMBER_GRACE = timedelta(minutes=1)
WROTE = "nexus_board.device_written"  # in session.info: a write the request must commit first


@dataclass(frozen=True)
class Opened:
    """A device signed in: the key its session cookie holds, and its remember-me cookie."""

    device: Device
    session_key: str
    remember_cookie: str | None = None


def open_device(user: User, *, user_agent: str, address: str, remember: bool) -> Opened:
    """Sign a new device in as `user` (the password was just typed on it)."""
    now = utcnow()
    _forget_old_devices(user, now)
    secret = secrets.token_urlsafe(24)
    device = Device(
        user_id=user.id,
        secret_hash=_digest(secret),
        session_version=user.session_version,
        user_agent=(user_agent or "")[:USER_AGENT_CHARS],
        address=(address or "")[:45],
        created_at=now,
        last_seen_at=now,
        signed_in_at=now,
    )
    remember_secret = None
    if remember:
        remember_secret = secrets.token_urlsafe(32)
        device.remember_hash = _digest(remember_secret)
        device.remember_until = now + current_app.config["REMEMBER_COOKIE_DURATION"]
    db.session.add(device)
    db.session.flush()
    cookie = f"{device.id}.{remember_secret}" if remember_secret else None
    return Opened(device, f"{device.id}.{secret}", cookie)


def find(session_key: str) -> Device | None:
    """The live device a session cookie names (its user loaded), noting when it was last seen."""
    device_id, secret = _parse(session_key)
    if device_id is None:
        return None
    device = _live(device_id)
    if device is None or not hmac.compare_digest(device.secret_hash, _digest(secret)):
        return None
    now = utcnow()
    if device.last_seen_at < now - SEEN_PRECISION:
        db.session.execute(update(Device).where(Device.id == device.id).values(last_seen_at=now))
        set_committed_value(device, "last_seen_at", now)
        _wrote()
    return device


def wrote() -> bool:
    """Whether finding or restoring a device wrote something the caller should commit now."""
    return db.session.info.pop(WROTE, False)


def restore(cookie: str, *, user_agent: str, address: str) -> Opened | None:
    """A new session for the remembered device `cookie` names, and its next remember token.

    The token is replaced on every use (one conditional UPDATE, so two workers cannot both
    replace it). The one replaced last still works for REMEMBER_GRACE; after that, it coming
    back means someone copied it, and the device is signed out.
    """
    device_id, secret = _parse(cookie)
    device = _live(device_id) if device_id is not None else None
    if device is None or device.remember_hash is None:
        return None
    _wrote()
    now, presented = utcnow(), _digest(secret)
    # Derived from the presented token, so tabs restoring with it at once get the same session.
    session_secret = hmac.new(secret.encode(), b"session", hashlib.sha256).hexdigest()
    if hmac.compare_digest(device.remember_hash, presented):
        next_secret = secrets.token_urlsafe(32)
        replaced = db.session.execute(
            update(Device)
            .where(Device.id == device.id, Device.remember_hash == presented)
            .values(
                remember_hash=_digest(next_secret),
                previous_remember_hash=presented,
                remember_rotated_at=now,
                secret_hash=_digest(session_secret),
                last_seen_at=now,
                user_agent=(user_agent or "")[:USER_AGENT_CHARS],
                address=(address or "")[:45],
            )
            .execution_options(synchronize_session=False)
        )
        db.session.expire(device)
        if replaced.rowcount == 1:
            return Opened(device, f"{device.id}.{session_secret}", f"{device.id}.{next_secret}")
    elif device.previous_remember_hash is None or not hmac.compare_digest(
        device.previous_remember_hash, presented
    ):
        return None  # a guess: no proof it was ever this device's, so nothing to end
    if device.remember_rotated_at and device.remember_rotated_at > now - REMEMBER_GRACE:
        return Opened(device, f"{device.id}.{session_secret}")
    db.session.delete(device)  # a replaced token came back: signed out
    return None


def is_fresh(device: Device) -> bool:
    """Whether the password was typed on this device within `FRESH_SIGN_IN`."""
    return device.signed_in_at > utcnow() - current_app.config["FRESH_SIGN_IN"]


def confirm(device: Device) -> None:
    """The password was typed again on this device: it is freshly signed in."""
    device.signed_in_at = utcnow()


def devices_of(user: User) -> list[Device]:
    """The user's signed-in devices, most recently seen first."""
    query = (
        select(Device)
        .where(Device.user_id == user.id, Device.session_version == user.session_version)
        .order_by(Device.last_seen_at.desc(), Device.id.desc())
    )
    now = utcnow()
    return [device for device in db.session.scalars(query) if not _expired(device, now)]


def end(user: User, device_id: int) -> None:
    """Sign one of the user's devices out; another's is NotFound, as if it did not exist."""
    device = db.session.get(Device, device_id)
    if device is None or device.user_id != user.id:
        raise NotFound("That device is not signed in as you. It may be signed out already.")
    db.session.delete(device)


def end_all(user: User, *, keep: Device | None = None) -> str | None:
    """Sign out every device of `user` (all but `keep`, which gets a new session key)."""
    user.session_version += 1
    db.session.execute(
        delete(Device).where(Device.user_id == user.id, Device.id != (keep.id if keep else 0))
    )
    if keep is None:
        return None
    secret = secrets.token_urlsafe(24)
    keep.secret_hash = _digest(secret)
    keep.session_version = user.session_version
    return f"{keep.id}.{secret}"


def _wrote() -> None:
    db.session.info[WROTE] = True


# A device with its user and their unread count (the badge every page shows), in one statement
# built once: every signed-in request runs it.
_LIVE = (
    select(Device, Notification.unread_of(Device.user_id).scalar_subquery())
    .join(Device.user)
    .options(contains_eager(Device.user))
    .where(Device.id == bindparam("device_id"))
)


def _live(device_id: int) -> Device | None:
    row = db.session.execute(_LIVE, {"device_id": device_id}).first()
    if row is None:
        return None
    device, device.unread_notifications = row
    user = device.user
    if device.session_version != user.session_version or not user.is_active:
        return None
    return None if _expired(device, utcnow()) else device


def _expired(device: Device, now: datetime) -> bool:
    if device.remember_until is not None:
        return device.remember_until <= now
    return device.last_seen_at <= now - current_app.config["SESSION_IDLE_TIMEOUT"]


def _forget_old_devices(user: User, now: datetime) -> None:
    """Drop the user's signed-out devices, and the least recently seen past DEVICES_PER_USER."""
    query = select(Device).where(Device.user_id == user.id).order_by(Device.last_seen_at.desc())
    devices = list(db.session.scalars(query))
    live = [
        d for d in devices if d.session_version == user.session_version and not _expired(d, now)
    ]
    kept = set(live[: DEVICES_PER_USER - 1])
    for device in devices:
        if device not in kept:
            db.session.delete(device)


def _parse(key: str) -> tuple[int | None, str]:
    number, _, secret = (key or "").partition(".")
    device_id = whole_number(number, low=1)
    return (device_id, secret) if device_id is not None and secret else (None, "")


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
