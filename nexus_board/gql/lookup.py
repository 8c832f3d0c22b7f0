"""Finding one GraphQL project, or 404."""

from ..errors import NotFound
from ..models import Project
from ..openapi.lookup import get_project_or_404

NOT_GRAPHQL = "That project is a REST project: it has no GraphQL schema."


def get_graphql_project_or_404(slug: str) -> Project:
    project = get_project_or_404(slug)
    if not project.is_graphql:
        raise NotFound(NOT_GRAPHQL)
    return project
