"""Profile pages, the learners directory and the README export."""

from flask import make_response, request

from ..caching import cached_page, cached_value
from ..models import Track
from ..rendering import render
from ..updates.page import SHOWN
from . import bp
from .directory import page_of
from .lookup import get_learner_or_404, get_profile_or_404
from .page import ProfilePage
from .queries import snapshot
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
    number = min(number, MAX_PAGE)  # no offset the database cannot hold
    cards, total = page_of(text, Track(track) if track else None, number, PER_PAGE)
    pages = max(1, -(-total // PER_PAGE))
    return render(
        "profiles/directory.html",
        "results",
        oob=("count",),
        cards=cards,
        q=text,
        track=track,
        page=number,
        pages=pages,
        total=total,
    )


@bp.get("/u/<username>")
@cached_page(*SHOWN, "reviews", "teams")  # the profile, latest updates, reviews, projects
def show(username):
    return render("profiles/show.html", page=ProfilePage(*get_profile_or_404(username)))


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
