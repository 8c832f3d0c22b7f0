"""Personal access tokens: create (the secret is returned once), revoke, and authenticate.

Plain functions: no request, no commit. Only a token's SHA-256 is stored. A token reads, or also
writes contracts (its scope); it may expire; it works only while its owner's account is active.
"""

from datetime import timedelta

from sqlalchemy import or_, select, update

from ..errors import Invalid, NotFound
from ..extensions import db
from ..models import AccountState, ApiToken, TokenScope, User
from ..models.token import PREFIX, digest, new_secret
from ..models.types import utcnow

MAX_ACTIVE = 10
# Recording every use would make each API call a write; once a minute is precise enough.
USE_PRECISION = timedelta(minutes=1)
LIFETIMES = {7: "7 days", 30: "30 days", 90: "90 days", 365: "a year", 0: "Never"}  # days


def create_token(
    owner: User, name: str, *, scope: TokenScope | str = TokenScope.READ, days: int = 30
) -> tuple[ApiToken, str]:
    """A new token for `owner`, and its secret (shown once: it cannot be read back).

    It expires after `days` (0: never).
    """
    name = " ".join((name or "").split())
    errors = {}
    if not 1 <= len(name) <= 60:
        errors["name"] = "Name the token in up to 60 characters, like “CI on GitHub”."
    elif len(tokens_of(owner)) >= MAX_ACTIVE:
        errors["name"] = f"You have {MAX_ACTIVE} tokens: revoke one you no longer use."
    if scope not in set(TokenScope):
        errors["scope"] = "Choose read only, or read and write contracts."
    if days not in LIFETIMES:
        errors["days"] = "Choose when the token expires."
    if errors:
        raise Invalid("The token was not created.", errors=errors)
    secret = new_secret()
    token = ApiToken(
        owner=owner,
        name=name,
        token_hash=digest(secret),
        hint=secret[:8],
        scope=TokenScope(scope),
        expires_at=utcnow() + timedelta(days=days) if days else None,
    )
    db.session.add(token)
    db.session.flush()
    return token, secret


def tokens_of(owner: User) -> list[ApiToken]:
    """The owner's tokens that still work, newest first."""
    query = (
        select(ApiToken)
        .where(ApiToken.owner_id == owner.id, ApiToken.revoked_at.is_(None), _unexpired())
        .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
    )
    return list(db.session.scalars(query))


def revoke_all(owner: User) -> int:
    """Revoke every token of `owner` (a password change); returns how many."""
    result = db.session.execute(
        update(ApiToken)
        .where(ApiToken.owner_id == owner.id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return result.rowcount


def revoke_token(owner: User, token_id: int) -> ApiToken:
    """Revoke one of the owner's tokens; someone else's is NotFound, as if it did not exist."""
    token = db.session.get(ApiToken, token_id)
    if token is None or token.owner_id != owner.id or not token.active:
        raise NotFound("There is no such token among yours. It may be revoked already.")
    token.revoked_at = utcnow()
    return token


def authenticate(secret: str) -> ApiToken | None:
    """The token with this secret (its owner loaded), if it works: not revoked, not expired,
    and its owner's account active. Notes when it was last used."""
    if not secret.startswith(PREFIX) or len(secret) > 100:
        return None
    row = db.session.execute(
        select(ApiToken, User)
        .join(User, ApiToken.owner_id == User.id)
        .where(ApiToken.token_hash == digest(secret), ApiToken.revoked_at.is_(None), _unexpired())
        .where(User.state == AccountState.ACTIVE)
    ).first()
    if row is None:
        return None
    token, now = row.ApiToken, utcnow()
    if token.last_used_at is None or token.last_used_at < now - USE_PRECISION:
        token.last_used_at = now
    return token


def _unexpired():
    return or_(ApiToken.expires_at.is_(None), ApiToken.expires_at > utcnow())
