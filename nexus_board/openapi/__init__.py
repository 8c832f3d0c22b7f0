"""Contracts as OpenAPI: each project's document (JSON, YAML, Swagger UI) and imports."""

from flask import Blueprint

bp = Blueprint("openapi", __name__)

from . import curl, document_views, import_views  # noqa: E402, F401
