"""Asking for a code review: the request's rules. Moves are in lifecycle.py."""

import re

from ..activity.events import record
from ..activity.verbs import Verb
from ..caching import changed
from ..errors import Forbidden, Invalid
from ..extensions import db
from ..limits import LINK_CHARS, MARKDOWN, REVIEW_TAGS
from ..models import ReviewRequest, ReviewTag, User
from ..models.review import TAG_CHARS, TITLE_CHARS
from ..text import clean_text, https_link_problem, length_problem, one_line_problem
from . import policy

TAG = re.compile(rf"[a-z0-9][a-z0-9+#._-]{{0,{TAG_CHARS - 1}}}")
TAG_RULE = (
    f"Use up to {REVIEW_TAGS} short tags (letters, digits, + # . - _), separated by commas: "
    "python, django."
)


def request_review(user: User, *, title: str, link: str, focus: str, tags: str) -> ReviewRequest:
    """A backend learner asks for a review of a pull request or commit; raises Invalid."""
    if not policy.may_request(user):
        raise Forbidden(policy.REQUEST_FORBIDDEN)
    title, link, focus = clean_text(title), clean_text(link), clean_text(focus)
    errors = {}
    problem = length_problem(title, TITLE_CHARS, empty="Say in a few words what to review.")
    if problem is None and title:
        problem = one_line_problem(title)
    if problem:
        errors["title"] = problem
    problem = https_link_problem(link, LINK_CHARS) if link else "Paste the pull request's link."
    if problem:
        errors["link"] = problem
    problem = length_problem(focus, MARKDOWN["review_focus"], empty="Say what to look at.")
    if problem:
        errors["focus"] = problem
    names = parse_tags(tags, errors)
    if errors:
        raise Invalid("The review request was not posted.", errors=errors)
    review = ReviewRequest(
        title=title, link=link, focus=focus, requester=user,
        tags=[ReviewTag(name=name) for name in names],
    )  # fmt: skip
    db.session.add(review)
    db.session.flush()
    changed("reviews")
    record(Verb.REVIEW_REQUESTED, actor=user, subject=review)
    return review


def parse_tags(text: str | None, errors: dict) -> list[str]:
    """Comma-separated tags, lower-cased, each once, in the order typed."""
    names = []
    for part in (text or "").split(",")[: REVIEW_TAGS + 1]:
        name = part.strip().lower()
        if name and name not in names:
            names.append(name)
    if len(names) > REVIEW_TAGS or not all(TAG.fullmatch(name) for name in names):
        errors["tags"] = TAG_RULE
    return names
