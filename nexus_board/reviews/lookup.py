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
        joinedload(ReviewRequest.hidden_by),
        selectinload(ReviewRequest.tags),
    )


def get_review(review_id: int, viewer=None) -> ReviewRequest:
    """The request as the database has it now, or NotFound (a hidden one too, but for its
    requester and admins, when a `viewer` is given)."""
    review = db.session.scalar(
        select(ReviewRequest)
        .where(ReviewRequest.id == review_id)
        .options(*options())
        .execution_options(populate_existing=True)
    )
    if review is None or (viewer is not None and not review.shows_to(viewer, review.requester_id)):
        raise NotFound(GONE)
    return review
