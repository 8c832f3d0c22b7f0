"""What an import would do to a project, and doing it through the board's own services.

Created and changed contracts go through `create_contract` and `update_contract`, so an import
leaves the same revisions, classified changes and "changed since you claimed it" notices as
edits made by hand; the preview shows each change's severity and whom it would break.
"""

import hashlib
import json
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from ..board import policy, revisions, services
from ..board.classification import Edit, classify_edit
from ..board.specs import ContractDraft, ContractSpec, clean, project_slug
from ..errors import Invalid
from ..extensions import db
from ..models import Contract, Project, User
from .drafts import to_draft


@dataclass
class Item:
    endpoint: str
    draft: ContractDraft | None = None
    contract: Contract | None = None
    changes: list[dict] = field(default_factory=list)
    edit: Edit | None = None  # the classifier's word on the change
    notes: list[str] = field(default_factory=list)
    reason: str = ""  # why it is skipped or left alone
    base: str = ""  # a README's base path (from a heading) it was found under


@dataclass
class Plan:
    project: str
    exists: bool
    created: list[Item] = field(default_factory=list)
    changed: list[Item] = field(default_factory=list)
    unchanged: list[Item] = field(default_factory=list)
    kept: list[Item] = field(default_factory=list)  # in the project, not in the document
    skipped: list[Item] = field(default_factory=list)

    @property
    def writes(self) -> int:
        return len(self.created) + len(self.changed)

    def fingerprint(self) -> str:
        """Changes whenever the plan would write something else (the board moved meanwhile)."""
        marks = [("create", i.endpoint) for i in self.created]
        marks += [("change", i.contract.id, i.contract.version) for i in self.changed]
        marks += [("same", i.contract.id, i.contract.version) for i in self.unchanged]
        return hashlib.sha256(json.dumps([self.project, marks]).encode()).hexdigest()[:32]


def make_plan(project: str, stored: list[dict], skipped: list[dict], user: User) -> Plan:
    """Compare the document's drafts with the project's contracts as they are now."""
    home, plan = project_of(project)
    existing = contracts_of(home)
    for item, spec in checked(plan, stored, "document"):
        key = (spec.method, spec.path.key)
        item.contract = existing.pop(key, None)
        _sort(plan, item, spec, user)
    plan.kept = [
        Item(c.endpoint, contract=c, reason="Not in the document") for c in existing.values()
    ]
    plan.skipped += [Item(s["endpoint"], reason=s["reason"]) for s in skipped]
    return plan


def checked(plan: Plan, stored: list[dict], source: str):
    """(item, spec) for each stored draft the board's rules accept, once per endpoint; the
    others go to `plan.skipped` with the reason."""
    seen: set[tuple] = set()
    for entry in stored:
        draft = to_draft(entry["draft"], plan.project)
        item = Item(f"{draft.method} {draft.path}", draft=draft, notes=list(entry["notes"]),
                    base=entry.get("base") or "")  # fmt: skip
        try:
            spec = clean(draft)
        except Invalid as error:
            item.reason = " ".join(dict.fromkeys(error.errors.values())) or error.message
            plan.skipped.append(item)
            continue
        key = (spec.method, spec.path.key)
        if key in seen:
            item.reason = f"The {source} lists this endpoint twice (or with other parameter names)."
            plan.skipped.append(item)
            continue
        seen.add(key)
        yield item, spec


def project_of(name: str) -> tuple[Project | None, Plan]:
    """The project named `name` (if it exists), and an empty plan for it."""
    home = db.session.scalar(select(Project).where(Project.slug == project_slug(name)))
    return home, Plan(project=home.name if home else name, exists=home is not None)


def apply(plan: Plan, user: User) -> None:
    """Write the plan: one transaction, committed by the caller (or nothing, on an error)."""
    for item in plan.created:
        services.create_contract(item.draft, user)
    for item in plan.changed:
        services.update_contract(
            item.contract, item.draft, user, expected_version=item.contract.version
        )


def _sort(plan: Plan, item: Item, spec: ContractSpec, user: User) -> None:
    contract = item.contract
    if contract is None:
        plan.created.append(item)
        return
    old = ContractSpec.of(contract)
    item.changes = revisions.changes(old, spec)
    if not item.changes:
        item.reason = "Same as the document"
        plan.unchanged.append(item)
    elif policy.decide(user, contract, policy.Action.EDIT) is not policy.OK:
        item.reason = (
            f"Posted by {contract.author.display_name}: only they (or an admin) can change it."
        )
        plan.skipped.append(item)
    else:
        item.edit = classify_edit(old, spec)
        plan.changed.append(item)


def contracts_of(project: Project | None) -> dict[tuple, Contract]:
    if project is None:
        return {}
    rows = db.session.scalars(
        select(Contract)
        .where(Contract.project_id == project.id)
        .order_by(Contract.path, Contract.method)
        .options(
            joinedload(Contract.project),
            joinedload(Contract.author),
            joinedload(Contract.claimer),
            selectinload(Contract.responses),
            selectinload(Contract.tags),
        )
    ).unique()
    return {(c.method, c.path_key): c for c in rows}
