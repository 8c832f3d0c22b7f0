"""All models, imported here so Alembic and `db.create_all()` see every table."""

from .activity import Activity, InboxSetting, Notification
from .board_count import BoardCount
from .contract import Contract, ContractResponse, ContractStatus, ContractTag, HttpMethod
from .contract_activity import Comment, Revision
from .device import Device
from .graphql_schema import GraphqlSchema
from .invite import Invite
from .kept_version import KeptVersion
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
from .reply import Reply
from .review import ReviewRequest, ReviewStatus, ReviewTag
from .team import AgreementRevision, JoinState, Membership
from .token import ApiToken, TokenScope
from .update import Update, UpdateTag
from .user import AccountState, Role, Theme, Track, User
from .verification import Verification, VerificationResult, VerificationRun
from .webhook import Delivery, DeliveryState, Format, Scope, Webhook

__all__ = [
    "AccountState",
    "Activity",
    "ApiToken",
    "AuditEntry",
    "BoardCount",
    "Challenge",
    "Comment",
    "Contract",
    "ContractResponse",
    "ContractStatus",
    "ContractTag",
    "Device",
    "ExtraSection",
    "GraphqlSchema",
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
    "TokenScope",
    "Theme",
    "Topic",
    "Track",
    "Update",
    "UpdateTag",
    "User",
    "Verification",
    "VerificationResult",
    "VerificationRun",
    "Delivery",
    "DeliveryState",
    "Format",
    "InboxSetting",
    "Notification",
    "Scope",
    "Webhook",
    "AgreementRevision",
    "Invite",
    "KeptVersion",
    "JoinState",
    "Membership",
    "Reply",
    "ReviewRequest",
    "ReviewStatus",
    "ReviewTag",
]
