"""The post form's one-time token: made when the form is drawn, kept on the contract it posts.

The same form sent twice (a double click, a resend after a lost answer) then finds the contract
its first send made and answers as that one did, instead of refusing a duplicate. A token grants
nothing: it only matches its own author's contract for the same endpoint.
"""

import re
import secrets

from ..models import Contract, User

TOKEN_CHARS = 22  # 16 random bytes, URL-safe base64
_TOKEN = re.compile(rf"[A-Za-z0-9_-]{{{TOKEN_CHARS}}}")


def new_token() -> str:
    return secrets.token_urlsafe(16)


def parse(raw: object) -> str | None:
    """The token sent, or None (a form from before tokens, or anything else): a new post."""
    return raw if isinstance(raw, str) and _TOKEN.fullmatch(raw) else None


def sent_again(existing: Contract, author: User, token: str | None) -> bool:
    """Whether `existing`, the contract a post collides with, is what this form posted before."""
    return token is not None and existing.post_token == token and existing.author_id == author.id
