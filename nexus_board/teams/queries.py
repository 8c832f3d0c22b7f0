"""Reading teams: who is in a project and why, its contracts, projects looking for a partner."""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import bindparam, func, literal, select, union_all
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..limits import AGREEMENT_HISTORY, PROJECT_CONTRACTS, PROJECT_MEMBERS
from ..models import (
    AgreementRevision,
    Contract,
    ContractStatus,
    JoinState,
    Membership,
    Project,
    User,
)

POSTED, CLAIMED, JOINED = "posted contracts", "claimed contracts", "joined"


@dataclass
class Member:
    user: User
    roles: list[str] = field(default_factory=list)


def _roles_query(project_id: int | None = None, user_id: int | None = None):
    """(project_id, user_id, role) for every reason someone is in a project (hidden contracts
    count for nobody)."""
    shown = Contract.hidden_at.is_(None)
    claimed = [shown, Contract.claimer_id.is_not(None)]
    accepted = [Membership.state == JoinState.ACCEPTED]
    parts = [
        (Contract.project_id, Contract.author_id, POSTED, [shown]),
        (Contract.project_id, Contract.claimer_id, CLAIMED, claimed),
        (Membership.project_id, Membership.user_id, JOINED, accepted),
    ]
    selects = []
    for project_col, user_col, role, conditions in parts:
        if project_id is not None:
            conditions = [*conditions, project_col == project_id]
        if user_id is not None:
            conditions = [*conditions, user_col == user_id]
        columns = (
            project_col.label("project_id"),
            user_col.label("user_id"),
            literal(role).label("role"),
        )
        selects.append(select(*columns).where(*conditions).distinct())
    return union_all(*selects).subquery()


def members(project: Project) -> dict[str, list[Member]]:
    """The project's members by track, each with why they are in it (two queries)."""
    roles = _roles_query(project_id=project.id)
    rows = db.session.execute(
        select(roles.c.user_id, roles.c.role).limit(3 * PROJECT_MEMBERS)
    ).all()
    by_user: dict[int, list[str]] = defaultdict(list)
    for user_id, role in rows:
        if role not in by_user[user_id]:
            by_user[user_id].append(role)
    people = db.session.scalars(
        select(User).where(User.id.in_(list(by_user))).order_by(User.display_name)
    )
    found: dict[str, list[Member]] = {"backend": [], "frontend": []}
    for user in list(people)[:PROJECT_MEMBERS]:
        found[str(user.track)].append(Member(user, sorted(by_user[user.id])))
    return found


def is_member(user, project: Project) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    roles = _roles_query(project_id=project.id, user_id=user.id)
    return db.session.scalar(select(func.count()).select_from(roles)) > 0


def membership(user_id: int, project_id: int) -> Membership | None:
    return db.session.get(Membership, (project_id, user_id))


def waiting(project: Project) -> list[Membership]:
    """Join requests no member has accepted yet, oldest first."""
    query = (
        select(Membership)
        .where(Membership.project_id == project.id, Membership.state == JoinState.ASKED)
        .order_by(Membership.asked_at)
        .limit(PROJECT_MEMBERS)
        .options(joinedload(Membership.user))
    )
    return list(db.session.scalars(query))


def contracts_by_status(project: Project) -> dict[ContractStatus, list[Contract]]:
    """The project's contracts (hidden ones left out), grouped by status, newest first."""
    query = (
        select(Contract)
        .where(Contract.project_id == project.id, Contract.hidden_at.is_(None))
        .order_by(Contract.status_changed_at.desc(), Contract.id.desc())
        .limit(PROJECT_CONTRACTS)
        .options(joinedload(Contract.author), joinedload(Contract.claimer))
    )
    found = {status: [] for status in ContractStatus}
    for contract in db.session.scalars(query):
        found[contract.status].append(contract)
    return found


def history(project: Project) -> list[AgreementRevision]:
    query = (
        select(AgreementRevision)
        .where(AgreementRevision.project_id == project.id)
        .order_by(AgreementRevision.version.desc())
        .limit(AGREEMENT_HISTORY)
        .options(joinedload(AgreementRevision.editor))
    )
    return list(db.session.scalars(query))


def looking_for_partner(limit: int, track: str | None = None) -> list[Project]:
    """Projects that look for a partner (of `track`), most recently set up first."""
    query = select(Project).where(Project.looking_for.is_not(None))
    if track:
        query = query.where(Project.looking_for == track)
    return list(db.session.scalars(query.order_by(Project.name).limit(limit)))


class ProjectName(NamedTuple):
    """What a list of someone's projects shows of each: a link."""

    slug: str
    name: str


def _projects_of_statement():
    roles = _roles_query(user_id=bindparam("user_id"))
    return (
        select(Project.id, Project.slug, Project.name, roles.c.role)
        .join(roles, roles.c.project_id == Project.id)
        .order_by(Project.name, Project.id)
    )


# Built once: every profile runs it, and building the UNION costs more than running it.
_PROJECTS_OF = _projects_of_statement()


def projects_of(user: User) -> list[tuple[ProjectName, list[str]]]:
    """The projects `user` is in, with their roles, by project name (plain values: a profile
    shows a link to each)."""
    by_project: dict[int, tuple[ProjectName, set[str]]] = {}
    for project_id, slug, name, role in db.session.execute(_PROJECTS_OF, {"user_id": user.id}):
        by_project.setdefault(project_id, (ProjectName(slug, name), set()))[1].add(role)
    return [(project, sorted(found)) for project, found in by_project.values()]
