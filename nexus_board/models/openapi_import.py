"""OpenAPI imports waiting for their preview to be confirmed.

Kept in the database, not in a process: the confirm may reach another worker than the upload.
"""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime, utcnow


class OpenApiImport(db.Model):
    __tablename__ = "openapi_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # "openapi" (a document: creates and changes contracts) or "readme" (endpoints: drafts).
    kind: Mapped[str] = mapped_column(String(10), default="openapi", server_default="openapi")
    project: Mapped[str] = mapped_column(String(80))
    filename: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200))
    # The document's operations as contract drafts, and what could not be read from it.
    drafts: Mapped[list] = mapped_column(JSON)
    skipped: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def __repr__(self) -> str:
        return f"<OpenApiImport {self.id} into {self.project}>"
