"""Mock endpoints: `/mock/<project>/<path>` answers with the matching contract's example."""

from flask import Blueprint

bp = Blueprint("mocks", __name__, url_prefix="/mock")

from . import graphql_views, views  # noqa: E402, F401
