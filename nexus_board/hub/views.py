"""The public hub and the health check."""

from flask import jsonify
from flask_login import current_user
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ..caching import cached_page
from ..extensions import db
from ..rendering import render
from . import bp
from .sections import Hub


@bp.get("/")
@cached_page("board", "profiles", "updates", "activity")
def index():
    """Public sections for everyone (cached for anonymous visitors), a dashboard for learners."""
    return render("hub/index.html", "live", hub=Hub(current_user))


@bp.get("/healthz")
def healthz():
    """Liveness for load balancers: is the database reachable?"""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        return jsonify(status="error", database="unreachable"), 503
    return jsonify(status="ok", database="ok")
