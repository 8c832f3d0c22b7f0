"""Projects: named groups of API contracts ("E-commerce API")."""

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime, utcnow


class Project(db.Model):
    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    # The name in URLs and filters; made from the name once and never changed.
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # "rest" (contracts are endpoints) or "graphql" (a schema, and operations as contracts).
    kind: Mapped[str] = mapped_column(String(10), default="rest", server_default="rest")

    @property
    def is_graphql(self) -> bool:
        return self.kind == "graphql"

    def __repr__(self) -> str:
        return f"<Project {self.slug}>"
