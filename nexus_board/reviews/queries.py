"""Reading review requests: a column of the board by cursor, counts, a learner's reviews."""

from dataclasses import dataclass

from sqlalchemy import Select, and_, func, or_, select

from ..extensions import db
from ..limits import REVIEW_PAGE
from ..models import ReviewRequest, ReviewStatus, User
from ..pagination import decode_time_cursor, encode_cursor
from .filters import ReviewFilters
from .lookup import options


@dataclass
class Column:
    status: ReviewStatus
    items: list[ReviewRequest]
    next_cursor: str | None


def column(status: ReviewStatus, filters: ReviewFilters, viewer_id: int | None,
           before: str | None = None, size: int = REVIEW_PAGE) -> Column:  # fmt: skip
    """One page of a column, newest move first by (status_changed_at, id)."""
    query = select(ReviewRequest).where(
        ReviewRequest.status == status, ReviewRequest.shown(), *filters.conditions(viewer_id)
    )
    if before:
        moment, row_id = decode_time_cursor(before)
        at = ReviewRequest.status_changed_at
        query = query.where(or_(at < moment, and_(at == moment, ReviewRequest.id < row_id)))
    query = query.order_by(ReviewRequest.status_changed_at.desc(), ReviewRequest.id.desc())
    rows = list(db.session.scalars(query.options(*options()).limit(size + 1)))
    items = rows[:size]
    last = items[-1] if len(rows) > size else None
    cursor = encode_cursor(last.status_changed_at.isoformat(), last.id) if last else None
    return Column(status, items, cursor)


def counts(filters: ReviewFilters | None = None, viewer_id: int | None = None) -> dict:
    """How many requests are in each status (under `filters`), one query."""
    conditions = [ReviewRequest.shown(), *(filters.conditions(viewer_id) if filters else [])]
    rows = db.session.execute(
        select(ReviewRequest.status, func.count()).where(*conditions).group_by(ReviewRequest.status)
    )
    found = dict(rows.all())
    return {status: found.get(status, 0) for status in ReviewStatus}


@dataclass(frozen=True)
class ReviewCounts:
    given: int  # reviews this learner finished for others
    received: int  # reviews others finished for this learner


def of_learner(user: User) -> ReviewCounts:
    given, received = of_learner_queries(user.id)
    return ReviewCounts(db.session.scalar(given), db.session.scalar(received))


def of_learner_queries(user_id) -> tuple[Select, Select]:
    """SQL for `of_learner`'s two counts of `user_id` (an id or a bound parameter), for a page
    that reads them with other counts."""
    done = and_(ReviewRequest.status == ReviewStatus.DONE, ReviewRequest.shown())
    given = select(func.count()).where(done, ReviewRequest.reviewer_id == user_id)
    return given, select(func.count()).where(done, ReviewRequest.requester_id == user_id)
