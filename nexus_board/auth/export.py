"""Export my data: the profile as a README, and a JSON of the learner's updates, comments
and contracts, in one zip file."""

import io
import json
import zipfile

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..models import Comment, Contract, Update, User
from ..profiles.queries import snapshot
from ..profiles.readme.export import export_readme


def export_zip(user: User) -> bytes:
    """README.md and nexus-board.json for `user`, zipped."""
    readme = export_readme(snapshot(user), display_name=user.display_name, track=user.track)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.md", readme)
        archive.writestr("nexus-board.json", json.dumps(data_of(user), indent=2, default=str))
    return buffer.getvalue()


def data_of(user: User) -> dict:
    """What the learner wrote or holds, as plain values."""
    updates = select(Update).where(Update.author_id == user.id).order_by(Update.id)
    comments = (
        select(Comment, Contract)
        .join(Contract, Comment.contract_id == Contract.id)
        .where(Comment.author_id == user.id)
        .order_by(Comment.id)
    )
    contracts = (
        select(Contract)
        .options(joinedload(Contract.project))
        .where((Contract.author_id == user.id) | (Contract.claimer_id == user.id))
        .order_by(Contract.id)
    )
    return {
        "account": {
            "username": user.username,
            "display_name": user.display_name,
            "email": user.email,
            "track": user.track.value,
            "role": user.role.value,
            "created_at": user.created_at.isoformat(),
        },
        "updates": [_update(u) for u in db.session.scalars(updates)],
        "comments": [_comment(c, k) for c, k in db.session.execute(comments)],
        "contracts": [_contract(c, user) for c in db.session.scalars(contracts).unique()],
    }


def _update(update: Update) -> dict:
    return {
        "id": update.id,
        "body": update.body,
        "tags": update.tag_names,
        "contract_id": update.contract_id,
        "announcement": update.announcement,
        "created_at": update.created_at.isoformat(),
    }


def _comment(comment: Comment, contract: Contract) -> dict:
    return {
        "contract_id": contract.id,
        "endpoint": contract.endpoint,
        "body": comment.body,
        "created_at": comment.created_at.isoformat(),
    }


def _contract(contract: Contract, user: User) -> dict:
    return {
        "id": contract.id,
        "relation": "author" if contract.author_id == user.id else "claimer",
        "project": contract.project.name,
        "method": contract.method.value,
        "path": contract.path,
        "summary": contract.summary,
        "description": contract.description,
        "status": contract.status.value,
        "version": contract.version,
        "created_at": contract.created_at.isoformat(),
    }
