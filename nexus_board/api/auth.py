"""Who is calling the API: the owner of the personal access token in `Authorization: Bearer`."""

from functools import wraps

from flask import g, request

from ..auth import tokens
from ..errors import error_response
from ..extensions import db

REALM = 'Bearer realm="Nexus Board"'


def token_required(view):
    """The view runs as the token's owner (`g.api_user`), else 401 with WWW-Authenticate."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            return _unauthorized(
                "Send a personal access token: Authorization: Bearer <token>. "
                "Create one in your account settings.",
                REALM,
            )
        user = tokens.authenticate(secret.strip())
        if user is None:
            db.session.rollback()
            return _unauthorized(
                "That token is unknown or revoked.", f'{REALM}, error="invalid_token"'
            )
        db.session.commit()  # when the token was last used
        g.api_user = user
        return view(*args, **kwargs)

    return wrapped


def _unauthorized(message: str, challenge: str):
    return error_response(401, message, {"WWW-Authenticate": challenge})
