"""Endpoints from a README as draft contracts: start (read, keep), preview, confirm.

A draft shows only to its author until it has a response example and is published; it never
reaches the board, the mock or the export. Endpoints the project already has are left alone.
Plain functions: no request, no commit; they raise domain errors.
"""

from dataclasses import asdict

from ..board import services
from ..board.specs import ContractDraft, ResponseDraft
from ..errors import Forbidden, Invalid
from ..extensions import db
from ..models import HttpMethod, OpenApiImport, User
from ..profiles.readme import decode, repair
from .plan import Item, Plan, checked, contracts_of, project_of
from .readme_endpoints import endpoints
from .services import PlanChanged, forget_old, project_name

SUCCESS = {"POST": "201", "DELETE": "204"}  # the usual answer; 200 for the others


def start(user: User, project: str, filename: str, data: bytes) -> OpenApiImport:
    """Read the endpoints a README lists and keep them for their preview."""
    if not (user.is_backend or user.is_admin):
        raise Forbidden("Only backend learners can import contracts.")
    errors = {}
    project = project_name(project, errors)
    found = None
    try:
        found = endpoints(repair(decode(data)))
    except Invalid as error:
        errors["readme"] = next(iter(error.errors.values()), error.message)
    if found is not None and not found.endpoints:
        errors["readme"] = (
            "No endpoints found: list them in a table (| Method | Endpoint | Description |) "
            "or as lines like “- POST /api/users/ — Create a user”."
        )
    if errors:
        raise Invalid("The README was not imported.", errors=errors)
    forget_old(user)
    drafts = [{"draft": asdict(_draft(e)), "notes": [], "base": e.base} for e in found.endpoints]
    skipped = [{"endpoint": f"{found.more} more", "reason": "Past the limit of endpoints read."}]
    pending = OpenApiImport(
        owner_id=user.id, kind="readme", project=project,
        filename=(filename or "pasted README")[:200], title="", drafts=drafts,
        skipped=skipped if found.more else [],
    )  # fmt: skip
    db.session.add(pending)
    db.session.flush()
    return pending


def preview(pending: OpenApiImport, user: User) -> Plan:
    """What confirming creates (drafts) and leaves alone (endpoints the project has)."""
    home, plan = project_of(pending.project)
    existing = contracts_of(home)
    for item, spec in checked(plan, pending.drafts, "README"):
        item.contract = existing.get((spec.method, spec.path.key))
        if item.contract is None:
            plan.created.append(item)
        else:
            item.reason = "Already in the project: left alone"
            plan.unchanged.append(item)
    plan.skipped += [Item(s["endpoint"], reason=s["reason"]) for s in pending.skipped]
    return plan


def confirm(pending: OpenApiImport, user: User, fingerprint: str) -> Plan:
    """Create the drafts the preview showed; PlanChanged if the project moved on since."""
    plan = preview(pending, user)
    if plan.fingerprint() != fingerprint:
        raise PlanChanged(plan)
    for item in plan.created:
        services.create_contract(item.draft, user)
    db.session.delete(pending)
    db.session.flush()
    return plan


def _draft(endpoint) -> ContractDraft:
    method = HttpMethod(endpoint.method)
    return ContractDraft(
        method=str(method),
        path=endpoint.path,
        summary=endpoint.summary or f"{method} {endpoint.path}",
        auth_required=endpoint.auth_required,
        responses=[ResponseDraft(SUCCESS.get(str(method), "200"), "", "")],
        is_draft=True,
    )
