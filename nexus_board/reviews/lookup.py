"""Finding one review request: the 404 rule in one place."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from ..errors import NotFound
from ..extensions import db
from ..models import ReviewRequest

GONE = "There is no review request with that number."


def options() -> tuple:
    return (
        joinedload(ReviewRequest.requester),
        joinedload(ReviewRequest.reviewer),
        selectinload(ReviewRequest.tags),
    )


def get_review(review_id: int) -> ReviewRequest:
    """The request as the database has it now, or NotFound."""
    review = db.session.scalar(
        select(ReviewRequest)
        .where(ReviewRequest.id == review_id)
        .options(*options())
        .execution_options(populate_existing=True)
    )
    if review is None:
        raise NotFound(GONE)
    return review
