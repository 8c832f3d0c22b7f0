"""All models, imported here so Alembic and `db.create_all()` see every table."""

from .contract import Contract, ContractResponse, ContractStatus, ContractTag, HttpMethod
from .contract_activity import Comment, Revision
from .profile import (
    Challenge,
    ExtraSection,
    Learning,
    LearningKind,
    PendingImport,
    Profile,
    Takeaway,
    Topic,
)
from .project import Project
from .update import Update, UpdateTag
from .user import Role, Track, User

__all__ = [
    "Challenge",
    "Comment",
    "Contract",
    "ContractResponse",
    "ContractStatus",
    "ContractTag",
    "ExtraSection",
    "HttpMethod",
    "Learning",
    "LearningKind",
    "PendingImport",
    "Profile",
    "Project",
    "Revision",
    "Role",
    "Takeaway",
    "Topic",
    "Track",
    "Update",
    "UpdateTag",
    "User",
]
