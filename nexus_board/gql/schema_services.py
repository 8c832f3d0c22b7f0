"""Uploading a GraphQL schema version: the preview (nothing written), then the save, which
tells each claimer whose operation the new version breaks, and nobody else.

Plain functions: no request, no commit. They raise domain errors; the caller commits.
"""

import re
from dataclasses import dataclass, field

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from ..activity.events import record
from ..activity.verbs import Verb
from ..board.policy import authored_projects
from ..board.specs import project_slug
from ..caching import changed
from ..classifier.rules import make, most_severe
from ..errors import Conflict, Forbidden, Invalid
from ..extensions import db
from ..models import Contract, GraphqlSchema, Project, Revision, User
from ..models.types import utcnow
from . import queries
from .changes import Verdict, judge, schema_changes
from .reading import built, read

FIELD_NAMED = re.compile(r"field '(\w+)' on type '(\w+)'")


@dataclass
class ContractCheck:
    """One contract against the new version: what breaks, what is newly deprecated."""

    contract: Contract
    verdict: Verdict
    newly_deprecated: list[str] = field(default_factory=list)

    @property
    def touched(self) -> bool:
        return not self.verdict.valid or bool(self.newly_deprecated)


@dataclass
class SchemaPlan:
    project_name: str
    project: Project | None  # None: the upload makes a new GraphQL project
    sdl: str
    source: str
    version: int
    previous: GraphqlSchema | None
    changes: list[dict]  # graphql-core's breaking, then dangerous, changes
    checks: list[ContractCheck]

    @property
    def unchanged(self) -> bool:
        return self.previous is not None and self.previous.sdl == self.sdl


def preview(user: User, project_name: str, text: str) -> SchemaPlan:
    """What saving `text` as the project's next schema would change; writes nothing."""
    project = _project(user, project_name)
    found = read(text)
    previous = queries.current_schema(project.id) if project else None
    old = built(previous.sdl) if previous else None
    new = built(found.sdl)
    checks = []
    for contract in queries.operations_of(project.id, claimers=True) if project else []:
        verdict = judge(new, contract.document, contract.operation_name)
        before = judge(old, contract.document, contract.operation_name) if old else Verdict()
        fresh = [said for said in verdict.deprecated if said not in before.deprecated]
        checks.append(ContractCheck(contract, verdict, fresh))
    version = queries.next_version(project.id) if project else 1
    name = project.name if project else " ".join(project_name.split())
    return SchemaPlan(
        name, project, found.sdl, found.source, version, previous, schema_changes(old, new), checks
    )


def save(user: User, project_name: str, text: str) -> GraphqlSchema:
    """Save the next schema version; each contract it touches gets a revision saying how, and
    its claimer the alert of a breaking (or possibly breaking) edit."""
    plan = preview(user, project_name, text)
    if plan.unchanged:
        raise Invalid(
            f"This is schema version {plan.previous.version} again: nothing to save.",
            errors={"text": "The schema is the same as the current version."},
        )
    project = plan.project or Project(
        name=plan.project_name, slug=project_slug(plan.project_name), kind="graphql"
    )
    row = GraphqlSchema(
        project=project,
        version=plan.version,
        sdl=plan.sdl,
        source=plan.source,
        author=user,
        changes=plan.changes,
    )
    db.session.add(row)
    try:  # two uploads of the same version number, or an edit landing meanwhile: a 409
        db.session.flush()
        for check in plan.checks:
            if check.touched:
                _tell(check, plan.version, user)
    except (IntegrityError, StaleDataError):
        db.session.rollback()
        raise Conflict("Someone changed the project at this moment: preview it again.") from None
    changed("board", "mocks")
    return row


def may_upload(user: User, project: Project | None) -> bool:
    """Backend learners start GraphQL projects; a project's next version comes from an admin or
    a backend learner who uploaded one of its versions or posted one of its operations."""
    if user.is_admin:
        return True
    if not user.is_backend:
        return False
    if project is None:
        return True
    return project.id in authored_projects(user.id) or queries.uploaded_by(user.id, project.id)


def _project(user: User, name: str) -> Project | None:
    name = " ".join((name or "").split())
    if not 2 <= len(name) <= 80 or not project_slug(name):
        raise Invalid(
            "Name the project.", errors={"project": "Name the project in 2–80 characters."}
        )
    project = queries.project(project_slug(name))
    if project is not None and not project.is_graphql:
        raise Invalid(
            f"{project.name} is a REST project: its contracts are endpoints.",
            errors={"project": "Choose a GraphQL project, or name a new one."},
        )
    if not may_upload(user, project):
        raise Forbidden(
            "Only an admin or a backend learner who works on this project can change its schema."
        )
    return project


def _tell(check: ContractCheck, version: int, user: User) -> None:
    """A revision on the contract, as an edit makes, and the event its claimer hears of."""
    contract = check.contract
    changes = [
        make("graphql.operation-invalid", _location(said), old=said, new=version)
        for said in check.verdict.errors
    ]
    changes += [
        make("graphql.field-deprecated", said.split(" ", 1)[0], new=said.split(": ", 1)[1])
        for said in check.newly_deprecated
    ]
    severity = most_severe(changes)
    breaking = not check.verdict.valid
    new_version = contract.version + 1
    contract.updated_at = utcnow()  # moves its version: the claimer's banner shows the change
    if breaking:
        contract.breaking_version = new_version
    line = {
        "field": "schema",
        "label": "Schema",
        "old": f"version {version - 1}",
        "new": f"version {version}",
    }
    db.session.flush()
    sentences = [c.sentence for c in changes if str(c.severity) == "breaking"]
    db.session.add(
        Revision(
            contract_id=contract.id,
            version=new_version,
            editor_id=user.id,
            changes=[line],
            breaking=breaking,
            breaking_reasons=sentences,
            classified=[c.as_dict() for c in changes],
            severity=str(severity),
        )
    )
    record(
        Verb.CONTRACT_EDITED,
        actor=user,
        subject=contract,
        before=str(new_version - 1),
        after=str(new_version),
        breaking=breaking,
        detail={
            "version": new_version,
            "fields": ["Schema"],
            "reasons": sentences or [c.sentence for c in changes],
        },
    )


def _location(message: str) -> str:
    """The field graphql-core's message names ("Product.name"), else the operation."""
    found = FIELD_NAMED.search(message)
    return f"{found.group(2)}.{found.group(1)}" if found else "operation"
