"""A GraphQL project's API page: GraphiQL on its mock, starting from its first operation."""

from flask import url_for

from ..headers import content_security_policy
from ..models import Project
from ..rendering import render
from . import queries


def explorer_page(project: Project):
    operations = [
        c for c in queries.operations_of(project.id) if not c.is_draft and not c.hidden_at
    ]
    mock_url = url_for("mocks.graphql", slug=project.slug, _external=True)
    first = operations[0].document if operations else ""
    response = render("gql/explorer.html", project=project, mock_url=mock_url, first_query=first)
    # GraphiQL's stylesheet embeds its fonts as data: URLs; only this page needs them.
    response.headers["Content-Security-Policy"] = (
        content_security_policy() + "; font-src 'self' data:"
    )
    return response
