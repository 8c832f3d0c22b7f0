"""The hub's collaboration sections: open questions, code reviews (and, from teams/, projects
seeking partners).

Each is plain data kept in the shared cache until the area it reads changes (the writes call
`changed`), so the hub's visitors and its signed-in learners share one computation. The review
line's counts are read with the hub's numbers (`sections.cohort_numbers`): one statement.
"""

from dataclasses import dataclass
from datetime import datetime

from flask import url_for
from sqlalchemy import func, select

from ..activity.events import excerpt
from ..caching import cached_value
from ..limits import OPEN_QUESTION_DAYS, OPEN_QUESTIONS
from ..models import ReviewRequest, ReviewStatus
from ..replies import queries as replies
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


def open_questions() -> list[Question]:
    """Questions of the last days nobody has answered yet, newest first."""
    return cached_value("hub/questions", "updates", compute=_questions, timeout=3600)


# The review line's statuses, in its fields' order.
REVIEW_LINE = (ReviewStatus.OPEN, ReviewStatus.IN_REVIEW, ReviewStatus.DONE)


def reviews_in(status: ReviewStatus):
    """SQL: how many shown review requests are in `status` (the hub reads it with its
    numbers, `sections.cohort_numbers`)."""
    shown = (ReviewRequest.shown(), ReviewRequest.status == status)
    return select(func.count()).where(*shown).scalar_subquery()


def _questions() -> list[Question]:
    return [
        Question(
            excerpt(u.body),
            url_for("updates.show", update_id=u.id),
            u.author.display_name,
            u.created_at,
        )  # fmt: skip
        for u in replies.open_questions(OPEN_QUESTION_DAYS, OPEN_QUESTIONS)
    ]


__all__ = ["PartnerProject", "Question", "ReviewLine", "open_questions", "partner_projects",
           "reviews_in"]  # fmt: skip
