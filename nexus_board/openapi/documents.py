"""A project's OpenAPI document, built once per board change and kept in the shared cache."""

from ..board import queries as board_queries
from ..caching import cached_value
from ..errors import NotFound
from .export import document

NO_PROJECT = "There is no project with that name. Projects appear when a contract is posted."


def project_document(slug: str, mock_url: str) -> dict:
    """The project's document with its mock server as the server to try requests on."""
    found = cached_value(f"openapi/{slug}", "board", compute=lambda: _build(slug))
    if found is None:
        raise NotFound(NO_PROJECT)
    server = {"url": mock_url, "description": "Nexus Board mock server: answers with the examples"}
    head = {"openapi": found["openapi"], "info": found["info"], "servers": [server]}
    return head | {key: value for key, value in found.items() if key not in head}


def _build(slug: str) -> dict | None:
    found = board_queries.project_with_contracts(slug)
    return None if found is None else document(*found)
