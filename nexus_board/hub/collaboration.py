"""The hub's collaboration sections: open questions, code reviews (and, from teams/, projects
seeking partners).

The open questions are read with the hub's other lists of updates (`reading.updates`), the
review line's counts with the hub's numbers (`sections.cohort_numbers`), each in the same
statement as those.
"""

from dataclasses import dataclass
from datetime import datetime

from flask import url_for
from sqlalchemy import func, select

from ..activity.events import excerpt
from ..models import ReviewRequest, ReviewStatus
from ..teams.partners import PartnerProject, partner_projects


@dataclass(frozen=True)
class Question:
    text: str
    url: str
    author: str
    asked_at: datetime


@dataclass(frozen=True)
class ReviewLine:
    open: int
    in_review: int
    done: int


def questions_of(updates) -> list[Question]:
    """The open questions from their updates (`reading.updates`' "questions"), newest first."""
    return [
        Question(
            excerpt(u.body),
            url_for("updates.show", update_id=u.id),
            u.author.display_name,
            u.created_at,
        )  # fmt: skip
        for u in updates
    ]


# The review line's statuses, in its fields' order.
REVIEW_LINE = (ReviewStatus.OPEN, ReviewStatus.IN_REVIEW, ReviewStatus.DONE)


def reviews_in(status: ReviewStatus):
    """SQL: how many shown review requests are in `status` (the hub reads it with its
    numbers, `sections.cohort_numbers`)."""
    shown = (ReviewRequest.shown(), ReviewRequest.status == status)
    return select(func.count()).where(*shown).scalar_subquery()


__all__ = ["PartnerProject", "Question", "ReviewLine", "partner_projects", "questions_of",
           "reviews_in"]  # fmt: skip
