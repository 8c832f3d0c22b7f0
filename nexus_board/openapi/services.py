"""OpenAPI imports: start one (read, check, keep it), preview it, confirm or cancel it.

Plain functions: no request, no commit; they raise domain errors. A pending import lives in
the database, so the confirm may land on any worker.
"""

from datetime import timedelta

from sqlalchemy import delete, select

from ..board.specs import project_slug
from ..errors import Conflict, Forbidden, Invalid, NotFound
from ..extensions import db
from ..models import OpenApiImport, User
from ..models.types import utcnow
from . import drafts, reading
from .plan import Plan, apply, make_plan

KEEP_FOR = timedelta(days=1)
GONE = "This import is no longer waiting: it was confirmed, cancelled, or is older than a day."


class PlanChanged(Conflict):
    """The board changed between the preview and the confirm: `plan` is the new preview."""

    def __init__(self, plan: Plan):
        super().__init__(
            "The project changed since this preview was made. Check the new preview, "
            "then confirm again."
        )
        self.plan = plan


def start_import(user: User, project: str, filename: str, data: bytes) -> OpenApiImport:
    """Read and check an uploaded document and keep it for its preview."""
    if not (user.is_backend or user.is_admin):
        raise Forbidden("Only backend learners can import contracts.")
    errors = {}
    project = project_name(project, errors)
    document = {}
    try:
        document = reading.read(data)
    except Invalid as error:
        errors.update(error.errors)
    found, skipped = drafts.operations(document) if document else ([], [])
    if document and not (found or skipped):
        errors["document"] = "The document lists no operations under paths: nothing to import."
    if errors:
        raise Invalid("The OpenAPI document was not imported.", errors=errors)
    forget_old(user)
    title = str((document.get("info") or {}).get("title") or "")
    pending = OpenApiImport(
        owner_id=user.id,
        project=project,
        filename=(filename or "pasted document")[:200],
        title=title[:200],
        drafts=found,
        skipped=skipped,
    )
    db.session.add(pending)
    db.session.flush()
    return pending


def project_name(typed: str | None, errors: dict) -> str:
    """The project's name as typed, spaces tidied; a problem goes into `errors`."""
    project = " ".join((typed or "").split())
    if not 2 <= len(project) <= 80 or not project_slug(project):
        errors["project"] = "Name the project in 2–80 characters, like “E-commerce API”."
    return project


def get_import(import_id: int, user: User) -> OpenApiImport:
    """The user's own pending import, or NotFound (someone else's is not there for them)."""
    pending = db.session.get(OpenApiImport, import_id)
    if pending is None or pending.owner_id != user.id or _expired(pending):
        raise NotFound(GONE)
    return pending


def preview(pending: OpenApiImport, user: User) -> Plan:
    return make_plan(pending.project, pending.drafts, pending.skipped, user)


def confirm(pending: OpenApiImport, user: User, fingerprint: str) -> Plan:
    """Write what the preview showed; PlanChanged if the project moved on since."""
    plan = preview(pending, user)
    if plan.fingerprint() != fingerprint:
        raise PlanChanged(plan)
    apply(plan, user)
    db.session.delete(pending)
    db.session.flush()
    return plan


def cancel(pending: OpenApiImport) -> None:
    db.session.delete(pending)


def _expired(pending: OpenApiImport) -> bool:
    return pending.created_at < utcnow() - KEEP_FOR


def forget_old(user: User) -> None:
    """Drop imports nobody confirmed within a day (this user's, and anyone's long gone)."""
    db.session.execute(delete(OpenApiImport).where(OpenApiImport.created_at < utcnow() - KEEP_FOR))
    db.session.execute(
        delete(OpenApiImport).where(
            OpenApiImport.owner_id == user.id,
            OpenApiImport.id.not_in(
                select(OpenApiImport.id)
                .where(OpenApiImport.owner_id == user.id)
                .order_by(OpenApiImport.id.desc())
                .limit(4)
            ),
        )
    )
