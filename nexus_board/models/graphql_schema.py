"""A GraphQL project's schema: every upload is a version, with what it changed."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .project import Project
from .types import UTCDateTime, utcnow
from .user import User


class GraphqlSchema(db.Model):
    __tablename__ = "graphql_schemas"
    __table_args__ = (UniqueConstraint("project_id", "version", name="uq_graphql_schemas_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    # Printed by graphql-core from what was uploaded, so every version diffs line by line.
    sdl: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(15))  # "sdl" or "introspection"
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # What changed since the previous version: [{"severity", "type", "description"}].
    changes: Mapped[list] = mapped_column(JSON, default=list)

    project: Mapped[Project] = relationship()
    author: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<GraphqlSchema {self.project_id} v{self.version}>"
