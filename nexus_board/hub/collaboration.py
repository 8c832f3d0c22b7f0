"""The hub's collaboration sections: open questions, code reviews (and, from teams/, projects
seeking partners).

Each is plain data kept in the shared cache until the area it reads changes (the writes call
`changed`), so the hub's visitors and its signed-in learners share one computation.
"""

from dataclasses import dataclass
from datetime import datetime

from flask import url_for

from ..activity.events import excerpt
from ..caching import cached_value
from ..limits import OPEN_QUESTION_DAYS, OPEN_QUESTIONS
from ..models import ReviewStatus
from ..replies import queries as replies
from ..reviews import queries as reviews
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


def review_line() -> ReviewLine:
    return cached_value("hub/reviews", "reviews", compute=_reviews)


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


def _reviews() -> ReviewLine:
    counts = reviews.counts()
    return ReviewLine(counts[ReviewStatus.OPEN], counts[ReviewStatus.IN_REVIEW],
                      counts[ReviewStatus.DONE])  # fmt: skip


__all__ = ["PartnerProject", "Question", "ReviewLine", "open_questions", "partner_projects",
           "review_line"]  # fmt: skip
