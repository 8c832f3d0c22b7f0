"""Learner profiles and the learners directory."""

from sqlalchemy import select

from ..extensions import db
from ..models import User
from ..rendering import render
from . import bp


@bp.get("/learners")
def directory():
    learners = db.session.scalars(select(User).order_by(User.display_name)).all()
    return render("profiles/directory.html", learners=learners)


@bp.get("/u/<username>")
def show(username):
    learner = db.first_or_404(select(User).where(User.username == username.lower()))
    return render("profiles/show.html", learner=learner)
