"""Learner profiles and the learners directory."""

from flask import Blueprint

bp = Blueprint("profiles", __name__)

from ..markdown import render_inline_markdown  # noqa: E402
from . import editing, importing, views  # noqa: E402, F401
from .matching import setup  # noqa: E402

bp.add_app_template_filter(render_inline_markdown, "inline_markdown")
bp.record_once(setup)
