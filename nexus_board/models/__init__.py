"""All models, imported here so Alembic and `db.create_all()` see every table."""

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
from .user import Role, Track, User

__all__ = ["Role", "Track", "User"]
__all__ += [  # profiles
    "Challenge",
    "ExtraSection",
    "Learning",
    "LearningKind",
    "PendingImport",
    "Profile",
    "Takeaway",
    "Topic",
]
