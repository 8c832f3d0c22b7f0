"""Writing teams: a project's details, its working agreement, asking to join and accepting.

Plain functions: no request, no commit; a broken rule raises a domain error.
"""

from sqlalchemy import update

from ..activity.audience import Audience
from ..activity.events import record
from ..activity.verbs import Verb
from ..caching import changed
from ..errors import Conflict, Forbidden, Invalid, NotFound
from ..extensions import db
from ..limits import LINK_CHARS, MARKDOWN
from ..models import AgreementRevision, JoinState, Membership, Project, Track, User
from ..models.types import utcnow
from ..text import clean_text, https_link_problem, length_problem
from . import queries

MEMBERS_ONLY = "Only the project's members (or an admin) can change this."
STARTER = """\
- **Channel:** where we talk (e.g. #project-nexus-ecommerce on Discord)
- **Expected response time:** within a day on weekdays
- **Sync meetings:** a 15-minute call on Mondays and Thursdays
- **Definition of done for a contract:** the endpoint matches its contract, its mock answers
  the same examples, and the frontend calls it from a deployed page
"""


def check_member(user: User, project: Project) -> None:
    if not (user.is_admin or queries.is_member(user, project)):
        raise Forbidden(MEMBERS_ONLY)


def edit_details(project: Project, by: User, *, description: str, repository_url: str,
                 looking_for: str) -> Project:  # fmt: skip
    """A member changes what the project says about itself and whom it looks for."""
    check_member(by, project)
    description, repository_url = clean_text(description), clean_text(repository_url)
    errors = {}
    problem = length_problem(description, MARKDOWN["project_description"])
    if problem:
        errors["description"] = problem
    if repository_url and (problem := https_link_problem(repository_url, LINK_CHARS)):
        errors["repository_url"] = problem
    if looking_for not in ("", *Track):
        errors["looking_for"] = "Choose frontend, backend or nobody."
    if errors:
        raise Invalid("The project was not saved.", errors=errors)
    project.description = description
    project.repository_url = repository_url or None
    project.looking_for = Track(looking_for) if looking_for else None
    db.session.flush()
    changed("teams")
    return project


def edit_agreement(project: Project, by: User, text: str, expected_version: int) -> Project:
    """A member saves the working agreement; a save from an older version is refused (409)."""
    check_member(by, project)
    text = clean_text(text)
    problem = length_problem(text, MARKDOWN["agreement"])
    if problem:
        raise Invalid("The working agreement was not saved.", errors={"agreement": problem})
    before = project.agreement
    if text == before:
        return project
    version = expected_version + 1
    saved = db.session.execute(
        update(Project)
        .where(Project.id == project.id, Project.agreement_version == expected_version)
        .values(agreement=text, agreement_version=version)
        .execution_options(synchronize_session=False)
    )
    if saved.rowcount != 1:
        raise Conflict(
            "Someone saved the working agreement since you opened it. Your text is still in "
            "the form: compare it with theirs below, then save again."
        )
    db.session.add(AgreementRevision(project_id=project.id, version=version, editor_id=by.id,
                                     before=before, after=text))  # fmt: skip
    db.session.flush()
    db.session.refresh(project)
    changed("teams")
    record(Verb.AGREEMENT_EDITED, actor=by, subject=project, after=str(version))
    return project


def ask_to_join(project: Project, user: User) -> Membership:
    """Anyone signed in who is not in the team yet asks to join it."""
    if queries.is_member(user, project):
        raise Conflict("You are already a member of this project.")
    if queries.membership(user.id, project.id) is not None:
        raise Conflict("You have asked to join already: a member will accept you.")
    row = Membership(project_id=project.id, user_id=user.id, state=JoinState.ASKED)
    db.session.add(row)
    db.session.flush()
    changed("teams")
    record(Verb.PROJECT_JOIN_ASKED, actor=user, subject=project)
    return row


def accept(project: Project, user_id: int, by: User) -> Membership:
    """A member accepts someone who asked to join."""
    check_member(by, project)
    row = queries.membership(user_id, project.id)
    if row is None:
        raise NotFound("That learner has not asked to join this project.")
    accepted = db.session.execute(
        update(Membership)
        .where(Membership.project_id == project.id, Membership.user_id == user_id,
               Membership.state == JoinState.ASKED)
        .values(state=JoinState.ACCEPTED, accepted_by_id=by.id, accepted_at=utcnow())
        .execution_options(synchronize_session=False)
    )  # fmt: skip
    if accepted.rowcount != 1:
        raise Conflict(f"{row.user.display_name} is already in the team.")
    db.session.refresh(row)
    changed("teams", "profiles")
    record(Verb.PROJECT_JOINED, actor=by, subject=project, after=row.user.display_name,
           audience=Audience(author=user_id))  # fmt: skip
    return row
