"""Who is calling the API: the owner of the personal access token in `Authorization: Bearer`."""

from functools import wraps

from flask import g, request

from ..auth import tokens
from ..errors import error_response
from ..extensions import db
from ..models import TokenScope

REALM = 'Bearer realm="Nexus Board"'


def token_required(view=None, *, scope: TokenScope = TokenScope.READ):
    """The view runs as the token's owner (`g.api_user`), else 401 with WWW-Authenticate; a
    token without `scope` gets 403 (`@token_required(scope=TokenScope.WRITE)` for writes).

    A browser's session cookie never counts here: the API has no session (`stateless.py`).
    """
    if view is None:
        return lambda view: token_required(view, scope=scope)

    @wraps(view)
    def wrapped(*args, **kwargs):
        scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            return _refused(
                401,
                "Send a personal access token: Authorization: Bearer <token>. "
                "Create one in your account settings.",
                REALM,
            )
        token = tokens.authenticate(secret.strip())
        if token is None:
            db.session.rollback()
            return _refused(
                401,
                "That token is unknown, expired or revoked, or its account is disabled.",
                f'{REALM}, error="invalid_token"',
            )
        db.session.commit()  # when the token was last used
        if scope is TokenScope.WRITE and token.scope is not TokenScope.WRITE:
            return _refused(
                403,
                "This token may only read. Create one that may write contracts in Settings.",
                f'{REALM}, error="insufficient_scope", scope="{scope}"',
            )
        g.api_user = token.owner
        return view(*args, **kwargs)

    return wrapped


def _refused(status: int, message: str, challenge: str):
    return error_response(status, message, {"WWW-Authenticate": challenge})
