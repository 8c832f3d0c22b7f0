"""Projects: named groups of API contracts ("E-commerce API")."""

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime, utcnow
from .user import Track, str_enum

REPOSITORY_CHARS = 500


class Project(db.Model):
    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    # The name in URLs and filters; made from the name once and never changed.
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # "rest" (contracts are endpoints) or "graphql" (a schema, and operations as contracts).
    kind: Mapped[str] = mapped_column(String(10), default="rest", server_default="rest")

    # The team's own words about it (Markdown) and its repository (https, never fetched).
    description: Mapped[str] = mapped_column(Text, default="")
    repository_url: Mapped[str | None] = mapped_column(String(REPOSITORY_CHARS))
    # Set while the team looks for a partner of this track (hub and directory list it).
    looking_for: Mapped[Track | None] = mapped_column(str_enum(Track, "looking_for"))
    # The working agreement (Markdown), revisioned; its version guards against stale saves.
    agreement: Mapped[str] = mapped_column(Text, default="")
    agreement_version: Mapped[int] = mapped_column(Integer, default=0)

    @property
    def is_graphql(self) -> bool:
        return self.kind == "graphql"

    def __repr__(self) -> str:
        return f"<Project {self.slug}>"
