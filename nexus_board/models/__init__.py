"""All models, imported here so Alembic and `db.create_all()` see every table."""

from .contract import Contract, ContractResponse, ContractStatus, ContractTag, HttpMethod
from .contract_activity import Comment, Revision
from .project import Project
from .update import Update, UpdateTag
from .user import Role, Track, User

__all__ = [
    "Comment",
    "Contract",
    "ContractResponse",
    "ContractStatus",
    "ContractTag",
    "HttpMethod",
    "Project",
    "Revision",
    "Role",
    "Track",
    "Update",
    "UpdateTag",
    "User",
]
