"""Deleting a contract keeps what it was: its details, history and comments, as plain values."""

from datetime import datetime

from sqlalchemy import Text, cast, select

from ..extensions import db
from ..models import Contract, User
from ..models.contract_activity import DeletedContract
from . import queries


def archive(contract: Contract, deleted_by: User) -> DeletedContract:
    """Record `contract` (about to be deleted) with its history and comments."""
    record = {
        "summary": contract.summary,
        "description": contract.description,
        "author": _person(contract.author),
        "claimer": _person(contract.claimer),
        "created_at": contract.created_at.isoformat(),
        "responses": [
            {"status_code": r.status_code, "description": r.description, "example": r.example}
            for r in contract.responses
        ],
        "revisions": [
            {
                "version": r.version,
                "editor": _person(r.editor),
                "created_at": r.created_at.isoformat(),
                "changes": r.changes,
                "breaking": r.breaking,
                "breaking_reasons": r.breaking_reasons,
            }
            for r in queries.revisions_of(contract.id)
        ],
        "comments": [
            {"author": _person(c.author), "created_at": c.created_at.isoformat(), "body": c.body}
            for c in queries.comments_on(contract.id)
        ],
    }
    row = DeletedContract(
        contract_id=contract.id,
        endpoint=contract.endpoint,
        project_name=contract.project.name,
        deleted_by=deleted_by,
        record=record,
    )
    db.session.add(row)
    return row


def find_deleted(contract_id: int) -> DeletedContract | None:
    """What contract `contract_id` was when it was deleted, or None."""
    query = (
        select(DeletedContract)
        .where(DeletedContract.contract_id == contract_id)
        .order_by(DeletedContract.id.desc())
        .limit(1)
    )
    return db.session.scalar(query)


def readable(row: DeletedContract) -> dict:
    """The record with its times as datetimes again, for the page."""
    record = dict(row.record)
    record["created_at"] = datetime.fromisoformat(record["created_at"])
    for key in ("revisions", "comments"):
        record[key] = [
            {**item, "created_at": datetime.fromisoformat(item["created_at"])}
            for item in record[key]
        ]
    return record


def forget_person(user: User, former: dict) -> None:
    """`user` deleted their account: every archived contract names `former` where it named them.

    Only the archives whose record holds their username are read."""
    person = _person(user)
    named = cast(DeletedContract.record, Text).contains(f'"{user.username}"', autoescape=True)
    for row in db.session.scalars(select(DeletedContract).where(named)):
        row.record = _replaced(row.record, person, former)


def _replaced(value, person: dict, former: dict):
    if value == person:
        return dict(former)
    if isinstance(value, dict):
        return {key: _replaced(item, person, former) for key, item in value.items()}
    if isinstance(value, list):
        return [_replaced(item, person, former) for item in value]
    return value


def _person(user: User | None) -> dict | None:
    return None if user is None else {"username": user.username, "display_name": user.display_name}
