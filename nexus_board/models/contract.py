"""API contracts: one endpoint a backend learner promises and a frontend learner integrates."""

import enum
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .hiding import Hideable
from .project import Project
from .types import UTCDateTime, utcnow
from .user import User, str_enum


class HttpMethod(enum.StrEnum):
    GET = "GET"
    POST = "POST"
    PUT = "PUT"
    PATCH = "PATCH"
    DELETE = "DELETE"

    @property
    def takes_body(self) -> bool:
        return self in (HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH)


class ContractStatus(enum.StrEnum):
    OPEN = "open"
    CLAIMED = "claimed"
    IN_PROGRESS = "in_progress"
    DONE = "done"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class ContractFacts:
    """What a card or page says of a contract, from its columns alone: shared by `Contract`
    and the board's plain card rows (board/card_rows.py)."""

    __slots__ = ()

    @property
    def endpoint(self) -> str:
        if self.operation_type:
            return f"{self.operation_type} {self.operation_name}"
        return f"{self.method} {self.path}"

    @property
    def deprecated(self) -> bool:
        return self.deprecated_at is not None

    @property
    def changed_since_claim(self) -> bool:
        """Edited since the claimer last looked."""
        return self.claimer_id is not None and self.version > (self.seen_version or 0)

    @property
    def breaking_since_claim(self) -> bool:
        return self.changed_since_claim and (self.breaking_version or 0) > (self.seen_version or 0)


class Contract(ContractFacts, Hideable, db.Model):
    __tablename__ = "contracts"
    __table_args__ = (
        # `path_key` names no parameters, so /items/{id} and /items/{itemId} are one endpoint.
        UniqueConstraint("project_id", "method", "path_key", name="uq_contracts_endpoint"),
        # Exactly the open contracts have no claimer; the claim UPDATE keeps both in step.
        CheckConstraint(
            "(status = 'open' AND claimer_id IS NULL)"
            " OR (status <> 'open' AND claimer_id IS NOT NULL)",
            name="claimer_matches_status",
        ),
        # Board columns: newest first within a status, paged by (status_changed_at, id).
        Index("ix_contracts_column", "status", "status_changed_at", "id"),
        # Column counts (published, by status, what the viewer may see) from the index alone.
        Index("ix_contracts_counts", "is_draft", "status", "hidden_at", "author_id"),
        # The hub: the newest shown contracts, and its charts' counts read from the index alone.
        Index("ix_contracts_shown_newest", "hidden_at", "created_at", "id"),
        Index("ix_contracts_shown_status", "hidden_at", "is_draft", "status", "status_changed_at"),
        # Never reuse a deleted contract's id on SQLite (its archive and links keep that id).
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    method: Mapped[HttpMethod] = mapped_column(str_enum(HttpMethod, "http_method"))
    path: Mapped[str] = mapped_column(String(300))
    path_key: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    auth_required: Mapped[bool] = mapped_column(Boolean, default=False)
    # Examples are JSON text, pretty-printed, so diffs and mocks read them as written.
    request_example: Mapped[str | None] = mapped_column(Text)
    # JSON Schemas (2020-12) as pretty-printed JSON text, like the examples. A missing one is
    # inferred from its example wherever it is needed, and said to be.
    request_schema: Mapped[str | None] = mapped_column(Text)
    # [{"name", "in": "path" | "query" | "header", "required", "schema", "description"}]
    parameters: Mapped[str | None] = mapped_column(Text)
    # The named schemas its `$ref`s point at ({"Product": {...}}): each contract keeps its own,
    # so two versions of one contract compare alone, and the export merges them.
    components: Mapped[str | None] = mapped_column(Text)
    # Where the stored schemas came from: "imported" (an OpenAPI document) or "authored".
    schema_source: Mapped[str | None] = mapped_column(String(10))
    # The mock's dispatch rules, JSON text: [{"in", "name", "equals", "status", "example"}].
    dispatch: Mapped[str | None] = mapped_column(Text)
    deprecated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sunset: Mapped[date | None] = mapped_column(Date)
    deprecation_note: Mapped[str | None] = mapped_column(String(500))
    # A GraphQL contract is one named operation ("query", "ProductList") of its project's
    # schema; its method and path are POST /graphql, its response example the 200 response.
    operation_type: Mapped[str | None] = mapped_column(String(12))
    operation_name: Mapped[str | None] = mapped_column(String(100))
    document: Mapped[str | None] = mapped_column(Text)
    variables_example: Mapped[str | None] = mapped_column(Text)
    # The token of the form that posted it (board/post_tokens.py): that form sent again answers
    # with this contract. Read only through the endpoint's unique key, so it needs no index.
    post_token: Mapped[str | None] = mapped_column(String(22))
    # A draft (from a README import) shows only to its author until it is published.
    is_draft: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    status: Mapped[ContractStatus] = mapped_column(
        str_enum(ContractStatus, "contract_status"), default=ContractStatus.OPEN
    )
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    claimer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The version the claimer last saw (when claiming or acknowledging a change).
    seen_version: Mapped[int | None] = mapped_column(Integer)
    # The latest version whose edit could break a frontend.
    breaking_version: Mapped[int | None] = mapped_column(Integer)
    implemented_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Bumped by every saved edit; a save from an older version is refused (optimistic lock).
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    status_changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    project: Mapped[Project] = relationship()
    author: Mapped[User] = relationship(foreign_keys=[author_id])
    claimer: Mapped[User | None] = relationship(foreign_keys=[claimer_id])
    responses: Mapped[list["ContractResponse"]] = relationship(
        back_populates="contract",
        cascade="all, delete-orphan",
        order_by="ContractResponse.status_code",
        passive_deletes=True,
    )
    tags: Mapped[list["ContractTag"]] = relationship(
        cascade="all, delete-orphan", order_by="ContractTag.name", passive_deletes=True
    )
    # The last check against a running backend (`flask nexus verify --record`), if any.
    verification: Mapped["Verification | None"] = relationship(viewonly=True)  # noqa: F821

    __mapper_args__ = {"version_id_col": version}

    @property
    def tag_names(self) -> list[str]:
        return [tag.name for tag in self.tags]

    def __repr__(self) -> str:
        return f"<Contract {self.id} {self.endpoint}>"


class ContractResponse(db.Model):
    __tablename__ = "contract_responses"
    __table_args__ = (
        UniqueConstraint("contract_id", "status_code", name="uq_contract_responses_status"),
        CheckConstraint("status_code BETWEEN 100 AND 599", name="status_code_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Indexed by the unique constraint, which starts with it.
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"))
    status_code: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(200))
    example: Mapped[str | None] = mapped_column(Text)
    schema: Mapped[str | None] = mapped_column(Text)
    # More named examples besides `example` (named "default"), JSON text: {"missing": {...}}.
    examples: Mapped[str | None] = mapped_column(Text)

    contract: Mapped[Contract] = relationship(back_populates="responses")


class ContractTag(db.Model):
    __tablename__ = "contract_tags"

    contract_id: Mapped[int] = mapped_column(
        ForeignKey("contracts.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(30), primary_key=True, index=True)
