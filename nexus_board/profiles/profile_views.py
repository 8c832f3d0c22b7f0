"""Profile pages, the learners directory and the README export."""

from flask import make_response, request
from sqlalchemy import func, select

from ..caching import cached_page, cached_value
from ..extensions import db
from ..models import Track
from ..rendering import render
from ..updates.page import SHOWN
from . import bp
from .lookup import get_learner_or_404, get_profile_or_404
from .page import ProfilePage
from .queries import directory_query, learner_cards, snapshot
from .readme import export_readme

PER_PAGE = 24
MAX_PAGE = 2**40 // PER_PAGE  # deeper pages are empty for any cohort, and their offset overflows


@bp.get("/learners")
@cached_page("profiles", "teams")  # teams: the projects looking for a partner
def directory():
    text = request.args.get("q", "").strip()[:100]
    track = request.args.get("track", "")
    track = track if track in set(Track) else ""
    number = max(request.args.get("page", 1, type=int), 1)
    found, total = learners_page(directory_query(text, Track(track) if track else None), number)
    pages = max(1, -(-total // PER_PAGE))
    return render(
        "profiles/directory.html",
        "results",
        oob=("count",),
        cards=learner_cards(found),
        q=text,
        track=track,
        page=number,
        pages=pages,
        total=total,
    )


def learners_page(query, number: int) -> tuple[list, int]:
    """Page `number` of `query`'s rows and how many there are: one statement, the count beside
    each row; a second only past the last page, which has no row to carry it."""
    found, total = [], None
    if number <= MAX_PAGE:  # no offset the database cannot hold
        counted = query.add_columns(func.count().over())
        rows = db.session.execute(counted.limit(PER_PAGE).offset((number - 1) * PER_PAGE)).all()
        found, total = [tuple(row[:-1]) for row in rows], rows[0][-1] if rows else None
    if total is None:
        total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    return found, total


@bp.get("/u/<username>")
@cached_page(*SHOWN, "reviews", "teams")  # the profile, latest updates, reviews, projects
def show(username):
    learner, details = get_profile_or_404(username)
    return render("profiles/show.html", page=ProfilePage(learner, details))


@bp.get("/u/<username>/README.md")
def readme(username):
    """The profile as a Project Nexus README, ready to commit to a repository."""
    # The text is cached under the same generation as the profile page, so the two always agree;
    # the headers are set here on every answer (a cached page would keep only the body).
    text = cached_value(f"readme/{username.lower()}", "profiles", compute=lambda: export(username))
    response = make_response(text)
    response.mimetype = "text/markdown"
    response.headers["Content-Disposition"] = 'inline; filename="README.md"'
    return response


def export(username: str) -> str:
    learner = get_learner_or_404(username)
    return export_readme(snapshot(learner), display_name=learner.display_name, track=learner.track)
