"""The API contract board."""

from ..rendering import render
from . import bp


@bp.get("/board")
def index():
    return render("board/index.html")
