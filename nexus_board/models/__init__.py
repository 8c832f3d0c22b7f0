"""All models, imported here so Alembic and `db.create_all()` see every table."""

from .contract import Contract, ContractResponse, ContractStatus, ContractTag, HttpMethod
from .contract_activity import Comment, Revision
from .openapi_import import PendingImport
from .project import Project
from .token import ApiToken
from .update import Update, UpdateTag
from .user import Role, Track, User
from .verification import Verification

__all__ = [
    "ApiToken",
    "Comment",
    "Contract",
    "ContractResponse",
    "ContractStatus",
    "ContractTag",
    "HttpMethod",
    "PendingImport",
    "Project",
    "Revision",
    "Role",
    "Track",
    "Update",
    "UpdateTag",
    "User",
    "Verification",
]
