"""Reads for GraphQL projects: schema versions, and a project's operations."""

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from ..extensions import db
from ..models import Contract, GraphqlSchema, Project

GRAPHQL_CONTRACT = Contract.operation_type.is_not(None)


def project(slug: str) -> Project | None:
    return db.session.scalar(select(Project).where(Project.slug == slug))


def current_schema(project_id: int) -> GraphqlSchema | None:
    """The project's newest schema version, or None before the first upload."""
    return db.session.scalar(
        select(GraphqlSchema)
        .where(GraphqlSchema.project_id == project_id)
        .order_by(GraphqlSchema.version.desc())
        .limit(1)
    )


def versions(project_id: int) -> list[GraphqlSchema]:
    """Every schema version of the project, newest first, with who uploaded it."""
    return list(
        db.session.scalars(
            select(GraphqlSchema)
            .where(GraphqlSchema.project_id == project_id)
            .order_by(GraphqlSchema.version.desc())
            .options(joinedload(GraphqlSchema.author))
        )
    )


def next_version(project_id: int) -> int:
    latest = db.session.scalar(
        select(func.max(GraphqlSchema.version)).where(GraphqlSchema.project_id == project_id)
    )
    return (latest or 0) + 1


def uploaded_by(user_id: int, project_id: int) -> bool:
    query = select(GraphqlSchema.id).where(
        GraphqlSchema.project_id == project_id, GraphqlSchema.author_id == user_id
    )
    return db.session.scalar(query.limit(1)) is not None


def operations_of(project_id: int, *, claimers: bool = False) -> list[Contract]:
    """The project's GraphQL contracts (drafts and hidden ones too), by operation name."""
    query = (
        select(Contract)
        .where(Contract.project_id == project_id, GRAPHQL_CONTRACT)
        .order_by(Contract.operation_name)
        .options(selectinload(Contract.responses))
    )
    if claimers:
        query = query.options(joinedload(Contract.claimer), joinedload(Contract.project))
    return list(db.session.scalars(query))
