"""`/u/<username>/card.svg`: the README card, as github-readme-stats cards are embedded."""

from flask import abort, make_response, render_template, request

from ..caching import cached_page
from . import bp
from .card import THEMES, card_for
from .lookup import get_learner_or_404


@bp.get("/u/<username>/card.svg")
@cached_page("profiles", "board", public=True)  # names, technologies and contract counts
def card(username):
    """The same for every visitor; an ETag lets GitHub's image proxy ask cheaply."""
    theme = request.args.get("theme", "light")
    if theme not in THEMES:
        abort(400, description="theme is light or dark.")
    svg = render_template(
        "profiles/card.svg", card=card_for(get_learner_or_404(username)), colours=THEMES[theme]
    )
    response = make_response(svg)
    response.mimetype = "image/svg+xml"
    return response
