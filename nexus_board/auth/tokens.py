"""Personal access tokens: create (the secret is returned once), revoke, and authenticate.

Plain functions: no request, no commit. Only a token's SHA-256 is stored.
"""

from datetime import timedelta

from sqlalchemy import select, update

from ..errors import Invalid, NotFound
from ..extensions import db
from ..models import ApiToken, User
from ..models.token import PREFIX, digest, new_secret
from ..models.types import utcnow

MAX_ACTIVE = 10
# Recording every use would make each API call a write; once a minute is precise enough.
USE_PRECISION = timedelta(minutes=1)


def create_token(owner: User, name: str) -> tuple[ApiToken, str]:
    """A new token for `owner`, and its secret (shown once: it cannot be read back)."""
    name = " ".join((name or "").split())
    if not 1 <= len(name) <= 60:
        raise Invalid(
            "The token was not created.",
            errors={"name": "Name the token in up to 60 characters, like “CI on GitHub”."},
        )
    if len(tokens_of(owner)) >= MAX_ACTIVE:
        raise Invalid(
            "The token was not created.",
            errors={"name": f"You have {MAX_ACTIVE} tokens: revoke one you no longer use."},
        )
    secret = new_secret()
    token = ApiToken(owner=owner, name=name, token_hash=digest(secret), hint=secret[:8])
    db.session.add(token)
    db.session.flush()
    return token, secret


def tokens_of(owner: User) -> list[ApiToken]:
    """The owner's active tokens, newest first."""
    query = (
        select(ApiToken)
        .where(ApiToken.owner_id == owner.id, ApiToken.revoked_at.is_(None))
        .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
    )
    return list(db.session.scalars(query))


def revoke_token(owner: User, token_id: int) -> ApiToken:
    """Revoke one of the owner's tokens; someone else's is NotFound, as if it did not exist."""
    token = db.session.get(ApiToken, token_id)
    if token is None or token.owner_id != owner.id or not token.active:
        raise NotFound("There is no such token among yours. It may be revoked already.")
    token.revoked_at = utcnow()
    return token


def authenticate(secret: str) -> User | None:
    """The owner of an active token with this secret, or None."""
    if not secret.startswith(PREFIX) or len(secret) > 100:
        return None
    row = db.session.execute(
        select(ApiToken.id, ApiToken.owner_id, ApiToken.last_used_at).where(
            ApiToken.token_hash == digest(secret), ApiToken.revoked_at.is_(None)
        )
    ).first()
    if row is None:
        return None
    now = utcnow()
    if row.last_used_at is None or row.last_used_at < now - USE_PRECISION:
        db.session.execute(update(ApiToken).where(ApiToken.id == row.id).values(last_used_at=now))
    return db.session.get(User, row.owner_id)
