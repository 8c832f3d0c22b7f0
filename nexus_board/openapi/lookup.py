"""Finding one project: the 404 rule in one place."""

from sqlalchemy import select

from ..errors import NotFound
from ..extensions import db
from ..models import Project

NO_PROJECT = "There is no project with that name. Projects appear when a contract is posted."


def get_project_or_404(slug: str) -> Project:
    project = db.session.scalar(select(Project).where(Project.slug == slug))
    if project is None:
        raise NotFound(NO_PROJECT)
    return project
