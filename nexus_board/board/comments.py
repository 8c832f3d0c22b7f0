"""A contract's comment thread: what a comment may be, editing and deleting one.

(Adding one is `services.add_comment`, which also tells the contract's people.)
"""

from ..caching import changed
from ..errors import Forbidden, Invalid
from ..extensions import db
from ..limits import MARKDOWN
from ..models import Comment, User
from ..models.types import utcnow

MAX_COMMENT = MARKDOWN["comment"]


def comment_body(body: str | None) -> str:
    """The comment as stored, or Invalid naming the body."""
    body = (body or "").strip()
    if not body:
        raise Invalid("The comment is empty.", errors={"body": "Write a comment first."})
    if len(body) > MAX_COMMENT:
        raise Invalid(
            "The comment is too long.",
            errors={"body": f"Keep comments under {MAX_COMMENT:,} characters."},
        )
    return body


def edit_comment(comment: Comment, by: User, body: str) -> Comment:
    """Only its author edits a comment."""
    if comment.author_id != by.id:
        raise Forbidden("Only the author of a comment can edit it.")
    comment.body = comment_body(body)
    comment.edited_at = utcnow()
    db.session.flush()
    changed("board")
    return comment


def delete_comment(comment: Comment, by: User) -> None:
    """Its author deletes a comment (an admin may too)."""
    if comment.author_id != by.id and not by.is_admin:
        raise Forbidden("Only the author of a comment can delete it.")
    db.session.delete(comment)
    db.session.flush()
    changed("board")
