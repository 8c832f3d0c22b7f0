"""What the API returns: models as plain JSON-ready dicts, with absolute links."""

from dataclasses import asdict

from flask import url_for

from ..board import examples
from ..models import Contract, Project, Revision, Update, User
from ..profiles.values import ProfileData


def person(user: User | None) -> dict | None:
    if user is None:
        return None
    return {"username": user.username, "display_name": user.display_name}


def learner(user: User, learnings: tuple[str, ...] = ()) -> dict:
    """A learner as listed: who they are and their first few learnings."""
    return {
        **person(user),
        "track": str(user.track),
        "admin": user.is_admin,
        "joined_at": _time(user.created_at),
        "learnings": list(learnings),
        "url": url_for("api.learner", username=user.username, _external=True),
        "html_url": url_for("profiles.show", username=user.username, _external=True),
        "readme_url": url_for("profiles.readme", username=user.username, _external=True),
    }


def profile(user: User, data: ProfileData) -> dict:
    """One learner with everything on their profile, as the README export holds it."""
    technologies = tuple(item.name for item in data.technologies)
    return {**learner(user, technologies[:3]), "profile": asdict(data)}


def project(row: Project, contract_count: int) -> dict:
    return {
        "slug": row.slug,
        "name": row.name,
        "contracts": contract_count,
        "openapi_url": url_for("openapi.export_json", slug=row.slug, _external=True),
        "mock_url": url_for("mocks.serve", slug=row.slug, path="", _external=True),
        "html_url": url_for("openapi.page", slug=row.slug, _external=True),
    }


def contract(row: Contract) -> dict:
    verification = row.verification
    return {
        "id": row.id,
        "url": url_for("api.contract", contract_id=row.id, _external=True),
        "html_url": url_for("board.show", contract_id=row.id, _external=True),
        # The template as written: {id} stays readable, not %7Bid%7D.
        "mock_url": url_for("mocks.serve", slug=row.project.slug, path="", _external=True)
        + row.path.lstrip("/"),
        "project": {"slug": row.project.slug, "name": row.project.name},
        "method": str(row.method),
        "path": row.path,
        "summary": row.summary,
        "description": row.description,
        "auth_required": row.auth_required,
        "request_example": examples.load(row.request_example),
        "request_schema": examples.load(row.request_schema),
        "parameters": examples.load(row.parameters),
        "components": examples.load(row.components),
        "dispatch": examples.load(row.dispatch),
        "schema_source": row.schema_source,
        "responses": [
            {
                "status_code": r.status_code,
                "description": r.description,
                "example": examples.load(r.example),
                "schema": examples.load(r.schema),
                "examples": examples.load(r.examples),
            }
            for r in row.responses
        ],
        "deprecated": row.deprecated,
        "sunset": row.sunset.isoformat() if row.sunset else None,
        "deprecation_note": row.deprecation_note,
        "tags": row.tag_names,
        "status": str(row.status),
        "author": person(row.author),
        "claimer": person(row.claimer),
        "version": row.version,
        "implemented_at": _time(row.implemented_at),
        "created_at": _time(row.created_at),
        "updated_at": _time(row.updated_at),
        "verification": None if verification is None else {
            "passed": verification.passed,
            "status_code": verification.status_code,
            "detail": verification.detail,
            "contract_version": verification.contract_version,
            "checked_at": _time(verification.checked_at),
        },
    }  # fmt: skip


def revision(row: Revision) -> dict:
    return {
        "version": row.version,
        "editor": person(row.editor),
        "created_at": _time(row.created_at),
        "breaking": row.breaking,
        "breaking_reasons": row.breaking_reasons,
        "severity": row.severity,
        "classified": row.classified or [],
        "changes": [
            {k: change.get(k) for k in ("field", "label", "old", "new")} for change in row.changes
        ],
    }


def update(row: Update) -> dict:
    return {
        "id": row.id,
        "url": url_for("updates.show", update_id=row.id, _external=True),
        "author": person(row.author),
        "body": row.body,
        "tags": row.tag_names,
        "mentions": [user.username for user in row.mentions],
        "announcement": row.announcement,
        "pinned": row.pinned,
        "contract_id": row.contract_id,
        "created_at": _time(row.created_at),
    }


def _time(moment) -> str | None:
    return None if moment is None else moment.isoformat().replace("+00:00", "Z")
