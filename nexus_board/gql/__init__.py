"""GraphQL projects: schema versions with their preview, operations as contracts, exports.

The mock (`/mock/<project>/graphql`) lives with the other mocks; the explorer on the project's
API page. Pure GraphQL work (reading schemas, validating, shapes, changes) needs no Flask.
"""

from flask import Blueprint

bp = Blueprint("gql", __name__)

from . import operation_views, page, schema_views  # noqa: E402, F401
