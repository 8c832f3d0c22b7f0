"""Writing contracts: post, edit (optimistic lock + revision), delete, comment.

Plain functions: no request, no commit. They raise domain errors; the caller commits.
Claiming and the rest of the lifecycle live in `lifecycle.py`.
"""

from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from .. import audit
from ..activity.audience import Audience
from ..activity.events import excerpt, mentioned_in, record
from ..activity.verbs import Verb
from ..caching import changed
from ..errors import Conflict, Forbidden, Invalid
from ..extensions import db
from ..models import Comment, Contract, ContractResponse, ContractTag, Project, Revision, User
from ..models.types import utcnow
from . import archive, examples, policy, post_tokens, revisions
from .classification import classify_edit
from .comments import comment_body
from .lookup import stored_examples
from .policy import Action
from .specs import ContractDraft, ContractSpec, clean, draft_of


def needs_fixing(contract: Contract) -> str | None:
    """Why its project's OpenAPI document has to leave `contract` out, or None."""
    return examples.problem(stored_examples(contract))


class Duplicate(Conflict):
    """The project already has a contract for this method and path."""

    def __init__(self, existing: Contract):
        super().__init__(
            f"{existing.project.name} already has {existing.endpoint}.",
            errors={"path": "This project already has a contract for this method and path."},
        )
        self.existing = existing


class StaleEdit(Conflict):
    """Someone saved the contract after the editor opened it."""

    def __init__(self, contract: Contract):
        super().__init__(
            f"This contract changed while you were editing it (it is now version "
            f"{contract.version}). Your changes are kept below: check them against the "
            f"current version and save again."
        )
        self.contract = contract


def create_contract(
    draft: ContractDraft, author: User, *, post_token: str | None = None
) -> Contract:
    """Post a new contract (backend learners and admins). The form of `post_token` sent again
    returns the contract it posted the first time, and writes nothing."""
    if not (author.is_backend or author.is_admin):
        raise Forbidden("Only backend learners can post contracts.")
    spec, project = _resolve(clean(draft))
    _refuse_graphql(project)
    try:  # its first send may have committed before this one, or be committing now
        _refuse_duplicate(project, spec)
        now = utcnow()
        contract = Contract(author=author, created_at=now, updated_at=now,
                            status_changed_at=now, post_token=post_token)  # fmt: skip
        _apply(contract, spec, project or Project(name=spec.project, slug=spec.project_slug))
        db.session.add(contract)
        _flush_unique(spec)
    except Duplicate as error:
        if not post_tokens.sent_again(error.existing, author, post_token):
            raise
        return error.existing
    changed("board", "mocks")
    record(Verb.CONTRACT_POSTED, actor=author, subject=contract)
    return contract


def update_contract(
    contract: Contract, draft: ContractDraft, editor: User, *, expected_version: int
) -> Revision | None:
    """Save an edit made from `expected_version`; returns its revision (None if nothing changed)."""
    policy.check(editor, contract, policy.edit_action(needs_fixing(contract) is not None))
    if contract.version != expected_version:
        raise StaleEdit(contract)
    _refuse_graphql(contract.project)
    # A draft stays a draft until it is published (`publish`), however it is edited.
    spec, project = _resolve(clean(replace(draft, is_draft=contract.is_draft)))
    old = ContractSpec.of(contract)
    change_list = revisions.changes(old, spec)
    if not change_list:
        return None
    _refuse_duplicate(project, spec, ignore=contract.id)
    spec = _keep_source(old, spec)
    edit = classify_edit(old, spec)
    new_version = contract.version + 1
    _apply(contract, spec, project or Project(name=spec.project, slug=spec.project_slug))
    contract.updated_at = utcnow()  # also dirties the row, so its version moves
    if edit.breaking:
        contract.breaking_version = new_version
    try:  # the version-checked UPDATE first: a lost race fails here, before anything else
        _flush_unique(spec, ignore=contract.id)
    except StaleDataError:  # a save landed between our check and this UPDATE
        db.session.rollback()
        raise StaleEdit(db.session.get(Contract, contract.id)) from None
    revision = Revision(
        contract_id=contract.id,
        version=new_version,
        editor_id=editor.id,
        changes=change_list,
        breaking=edit.breaking,
        breaking_reasons=edit.breaking_sentences,
        classified=edit.as_dicts(),
        severity=edit.severity,
    )
    db.session.add(revision)
    db.session.flush()
    changed("board", *(["mocks"] if revisions.touches_mocks(change_list) else []))
    fields = [change["label"] for change in change_list]
    record(Verb.CONTRACT_EDITED, actor=editor, subject=contract, before=str(new_version - 1),
           after=str(new_version), breaking=edit.breaking,
           detail={"version": new_version, "fields": fields,
                   "reasons": edit.breaking_sentences})  # fmt: skip
    return revision


def publish(contract: Contract, user: User) -> None:
    """A draft goes on the board, once it shows what it answers and passes every rule."""
    if not contract.is_draft or contract.author_id != user.id:
        raise Forbidden("Only the author of a draft can publish it.")
    if not any(response.example for response in contract.responses):
        raise Invalid(
            "Give it a response example first: a draft is published once it shows what it answers.",
            errors={"responses": "Add an example body to at least one response."},
        )
    clean(replace(draft_of(contract), is_draft=False))  # a POST needs its request example now
    now = utcnow()
    db.session.execute(  # no new version: publishing changes nothing the contract says
        update(Contract)
        .where(Contract.id == contract.id, Contract.is_draft.is_(True))
        .values(is_draft=False, created_at=now, status_changed_at=now)
        .execution_options(synchronize_session=False)
    )
    changed("board", "mocks")


def delete_contract(contract: Contract, user: User, *, reason: str | None = None) -> None:
    """Delete a contract, keeping its history; an author cannot while someone holds it. An
    admin deleting another's contract is moderation: audited, and with a `reason` its author
    and claimer hear why."""
    policy.check(user, contract, Action.DELETE)
    query = (
        delete(Contract)
        .where(Contract.id == contract.id)
        .execution_options(synchronize_session=False)
    )
    if not user.is_admin:  # a claim may land after the check: only delete it unclaimed
        query = query.where(Contract.claimer_id.is_(None))
    archive.archive(contract, user)  # rolled back with the delete if the delete is refused
    if db.session.execute(query).rowcount != 1:
        db.session.rollback()
        contract = db.session.get(Contract, contract.id)
        if contract is None:
            return
        raise Conflict(policy.conflict_message(contract, Action.DELETE))
    changed("board", "mocks")
    # Its claimer hears of it: the audience is the contract as it was.
    if reason:
        record(Verb.MODERATION_REMOVED, actor=user, subject=contract, before="contract",
               after=reason, public=False)  # fmt: skip
    else:
        record(Verb.CONTRACT_DELETED, actor=user, subject=contract, before=contract.status.label)
    if user.is_admin and user.id != contract.author_id:
        audit.log(user, "contract", contract.id, "delete", reason=reason or "",
                  summary=contract.endpoint)  # fmt: skip
    db.session.expunge(contract)


def add_comment(contract: Contract, author: User, body: str) -> Comment:
    """Add a Markdown comment to a contract's thread (any signed-in learner)."""
    body = comment_body(body)
    comment = Comment(contract_id=contract.id, author=author, body=body)
    db.session.add(comment)
    db.session.flush()
    changed("board")
    record(Verb.CONTRACT_COMMENTED, actor=author, subject=contract,
           detail={"comment_id": comment.id, "excerpt": excerpt(body)},
           audience=Audience.of(contract, mentioned=mentioned_in(body)))  # fmt: skip
    return comment


def _keep_source(old: ContractSpec, new: ContractSpec) -> ContractSpec:
    """Schemas an import wrote stay "imported" until someone changes them."""
    same = (old.request_schema, old.parameters, old.components) == (
        new.request_schema,
        new.parameters,
        new.components,
    ) and [r.schema for r in old.responses] == [r.schema for r in new.responses]
    if same and new.schema_source is not None:
        return replace(new, schema_source=old.schema_source or new.schema_source)
    return new


def _resolve(spec: ContractSpec) -> tuple[ContractSpec, Project | None]:
    """The spec named as its existing project is ("e-commerce api" is "E-commerce API")."""
    project = db.session.scalar(select(Project).where(Project.slug == spec.project_slug))
    if project is not None:
        spec = replace(spec, project=project.name)
    return spec, project


def _refuse_graphql(project: Project | None) -> None:
    """A GraphQL project's contracts are operations (`gql/services.py`), never endpoints."""
    if project is not None and project.is_graphql:
        raise Invalid(
            f"{project.name} is a GraphQL project: its contracts are operations of its schema.",
            errors={"project": "Post an operation on the project's schema page instead."},
        )


def _refuse_duplicate(project: Project | None, spec: ContractSpec, ignore: int = 0) -> None:
    if project is None:
        return
    existing = db.session.scalar(
        select(Contract).where(
            Contract.project_id == project.id,
            Contract.method == spec.method,
            Contract.path_key == spec.path.key,
            Contract.id != ignore,
        )
    )
    if existing is not None:
        raise Duplicate(existing)


def _flush_unique(spec: ContractSpec, ignore: int = 0) -> None:
    """Flush; a concurrent post of the same endpoint or project ends as a 409, not a 500."""
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        _refuse_duplicate(_resolve(spec)[1], spec, ignore)
        raise Conflict("Someone saved the same thing at this moment. Please try again.") from None


def _apply(contract: Contract, spec: ContractSpec, project: Project) -> None:
    current = {response.status_code: response for response in contract.responses}
    tags = list(contract.tags)  # loaded before any change
    contract.project = project
    contract.method = spec.method
    contract.path = spec.path.template
    contract.path_key = spec.path.key
    contract.summary = spec.summary
    contract.description = spec.description
    contract.auth_required = spec.auth_required
    contract.request_example = spec.request_example
    contract.request_schema = spec.request_schema
    contract.parameters = spec.parameters
    contract.components = spec.components
    contract.schema_source = spec.schema_source
    if spec.deprecated != contract.deprecated:
        contract.deprecated_at = datetime.now(UTC) if spec.deprecated else None
    contract.sunset = spec.sunset
    contract.deprecation_note = spec.deprecation_note or None
    contract.is_draft = spec.is_draft
    contract.dispatch = spec.dispatch
    contract.responses = [
        _response(current.get(response.status_code), response) for response in spec.responses
    ]
    set_tags(contract, tags, spec.tags)


def set_tags(contract: Contract, current: list[ContractTag], names: tuple[str, ...]) -> None:
    """The contract's tags become `names`, keeping the rows of those it already has."""
    kept = [tag for tag in current if tag.name in names]
    kept_names = {tag.name for tag in kept}
    contract.tags = kept + [ContractTag(name=name) for name in names if name not in kept_names]


def _response(row: ContractResponse | None, spec) -> ContractResponse:
    row = row or ContractResponse(status_code=spec.status_code)
    row.description = spec.description
    row.example = spec.example
    row.schema = spec.schema
    row.examples = spec.examples
    return row
