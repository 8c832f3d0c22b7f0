"""Writing GraphQL contracts: post and edit one operation, as `board/services.py` does for an
endpoint (the same optimistic lock, revisions, events and policy table).

Plain functions: no request, no commit. They raise domain errors; the caller commits.
"""

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from ..activity.events import record
from ..activity.verbs import Verb
from ..board import policy
from ..board.services import Duplicate, StaleEdit, set_tags
from ..caching import changed
from ..classifier.rules import make, most_severe
from ..errors import Conflict, Forbidden, Invalid
from ..extensions import db
from ..models import Contract, ContractResponse, HttpMethod, Project, Revision, User
from ..models.types import utcnow
from . import queries
from .reading import built
from .specs import LABELS, OperationDraft, OperationSpec, clean

PATH = "/graphql"  # where a GraphQL contract's operation is sent (its project's mock too)
DOCS_RULES = {"summary": "docs.summary", "description": "docs.description", "tags": "docs.tags"}


def create_operation(project: Project, draft: OperationDraft, author: User) -> Contract:
    """Post a GraphQL contract: one named operation of `project`'s current schema."""
    if not (author.is_backend or author.is_admin):
        raise Forbidden("Only backend learners can post contracts.")
    spec = clean(draft, _schema_of(project))
    _refuse_duplicate(project, spec)
    now = utcnow()
    contract = Contract(
        author=author, created_at=now, updated_at=now, status_changed_at=now, project=project
    )
    _apply(contract, spec)
    db.session.add(contract)
    _flush(project, spec)
    changed("board", "mocks")
    record(Verb.CONTRACT_POSTED, actor=author, subject=contract)
    return contract


def update_operation(
    contract: Contract, draft: OperationDraft, editor: User, *, expected_version: int
) -> Revision | None:
    """Save an edit made from `expected_version`; its revision, or None if nothing changed."""
    policy.check(editor, contract, policy.Action.EDIT)
    if contract.version != expected_version:
        raise StaleEdit(contract)
    spec = clean(draft, _schema_of(contract.project))
    before, after = spec_of(contract).flat(), spec.flat()
    change_list = [
        {"field": key, "label": LABELS[key], "old": before[key], "new": after[key]}
        for key in after
        if before[key] != after[key]
    ]
    if not change_list:
        return None
    _refuse_duplicate(contract.project, spec, ignore=contract.id)
    classified = _classify([change["field"] for change in change_list])
    new_version = contract.version + 1
    _apply(contract, spec)
    contract.updated_at = utcnow()
    try:
        _flush(contract.project, spec, ignore=contract.id)
    except StaleDataError:
        db.session.rollback()
        raise StaleEdit(db.session.get(Contract, contract.id)) from None
    severity = most_severe(classified)
    revision = Revision(
        contract_id=contract.id,
        version=new_version,
        editor_id=editor.id,
        changes=change_list,
        breaking=False,
        breaking_reasons=[],
        classified=[c.as_dict() for c in classified],
        severity=None if severity is None else str(severity),
    )
    db.session.add(revision)
    db.session.flush()
    changed("board", "mocks")
    record(
        Verb.CONTRACT_EDITED,
        actor=editor,
        subject=contract,
        before=str(new_version - 1),
        after=str(new_version),
        detail={"version": new_version, "fields": [c["label"] for c in change_list], "reasons": []},
    )
    return revision


def spec_of(contract: Contract) -> OperationSpec:
    """What a saved GraphQL contract says now."""
    response = next((r.example for r in contract.responses if r.status_code == 200), None)
    return OperationSpec(
        contract.operation_type,
        contract.operation_name,
        contract.document,
        contract.variables_example,
        response or "",
        contract.summary,
        contract.description,
        tuple(contract.tag_names),
    )


def draft_of(contract: Contract) -> OperationDraft:
    spec = spec_of(contract)
    return OperationDraft(
        spec.document,
        spec.variables_example or "",
        spec.response_example,
        spec.summary,
        spec.description,
        ", ".join(spec.tags),
    )


def _schema_of(project: Project):
    if not project.is_graphql:
        raise Invalid(f"{project.name} is a REST project: post an endpoint there instead.")
    current = queries.current_schema(project.id)
    if current is None:
        raise Invalid(
            f"{project.name} has no schema yet: upload one first.",
            errors={"document": "The project has no schema to check it against."},
        )
    return built(current.sdl)


def _classify(fields: list[str]):
    found = []
    if "document" in fields or "operation" in fields:
        found.append(make("graphql.document-changed", "document"))
    for name in fields:
        if name in DOCS_RULES:
            found.append(make(DOCS_RULES[name], name))
        elif name.endswith("_example"):
            found.append(make("docs.example", name.removesuffix("_example")))
    return found


def _apply(contract: Contract, spec: OperationSpec) -> None:
    tags = list(contract.tags)
    contract.method = HttpMethod.POST
    contract.path = PATH
    contract.path_key = spec.path_key
    contract.operation_type = spec.kind
    contract.operation_name = spec.name
    contract.document = spec.document
    contract.variables_example = spec.variables_example
    contract.summary = spec.summary
    contract.description = spec.description
    contract.auth_required = False
    response = next(iter(contract.responses), None) or ContractResponse(status_code=200)
    response.description = "The GraphQL response"
    response.example = spec.response_example
    contract.responses = [response]
    set_tags(contract, tags, spec.tags)


def _refuse_duplicate(project: Project, spec: OperationSpec, ignore: int = 0) -> None:
    existing = db.session.scalar(
        select(Contract).where(
            Contract.project_id == project.id,
            Contract.path_key == spec.path_key,
            Contract.id != ignore,
        )
    )
    if existing is not None:
        error = Duplicate(existing)
        error.errors = {"document": f"{project.name} already has an operation named {spec.name}."}
        raise error


def _flush(project: Project, spec: OperationSpec, ignore: int = 0) -> None:
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        _refuse_duplicate(project, spec, ignore)
        raise Conflict("Someone saved the same thing at this moment. Please try again.") from None
