"""All models, imported here so Alembic and `db.create_all()` see every table."""

from .activity import Activity, InboxSetting, Notification
from .contract import Contract, ContractResponse, ContractStatus, ContractTag, HttpMethod
from .contract_activity import Comment, Revision
from .moderation import AuditEntry, Report
from .openapi_import import OpenApiImport
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
from .token import ApiToken
from .update import Update, UpdateTag
from .user import Role, Track, User
from .verification import Verification
from .webhook import Delivery, DeliveryState, Format, Scope, Webhook

__all__ = [
    "Activity",
    "ApiToken",
    "AuditEntry",
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
    "OpenApiImport",
    "PendingImport",
    "Profile",
    "Project",
    "Report",
    "Revision",
    "Role",
    "Takeaway",
    "Topic",
    "Track",
    "Update",
    "UpdateTag",
    "User",
    "Verification",
    "Delivery",
    "DeliveryState",
    "Format",
    "InboxSetting",
    "Notification",
    "Scope",
    "Webhook",
]
