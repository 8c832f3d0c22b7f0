"""Role checks for views. They run on the server; templates only hide what these refuse."""

from functools import wraps

from flask_login import current_user, login_required

from ..errors import Forbidden
from ..extensions import login_manager
from .browser import fresh_sign_in


def track_required(track):
    """Signed in on `track` (or an admin), else 401 (signed out) or 403."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if current_user.track != track and not current_user.is_admin:
                raise Forbidden(f"Only {track} learners can do that.")
            return view(*args, **kwargs)

        return wrapped

    return decorator


def admin_required(view):
    """Signed in as an admin, else 401 (signed out) or 403."""

    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.is_admin:
            raise Forbidden("Only admins can do that.")
        return view(*args, **kwargs)

    return wrapped


def fresh_required(view):
    """Signed in, with the password typed in this browser within the last minutes; else the
    password is asked for again (`login.needs_refresh`) before coming back."""

    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not fresh_sign_in():
            return login_manager.needs_refresh()
        return view(*args, **kwargs)

    return wrapped
