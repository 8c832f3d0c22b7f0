"""Finding one project by its slug: the 404 rule in one place."""

from sqlalchemy import select

from ..errors import NotFound
from ..extensions import db
from ..models import Project


def get_project_or_404(slug: str) -> Project:
    project = db.session.scalar(select(Project).where(Project.slug == slug))
    if project is None:
        raise NotFound("There is no project with that name. Projects start with a contract.")
    return project
