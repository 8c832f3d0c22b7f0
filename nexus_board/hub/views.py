"""The public hub and the health check."""

from flask import jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ..extensions import db
from ..rendering import render
from . import bp


@bp.get("/")
def index():
    return render("hub/index.html")


@bp.get("/healthz")
def healthz():
    """Liveness for load balancers: is the database reachable?"""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        return jsonify(status="error", database="unreachable"), 503
    return jsonify(status="ok", database="ok")
