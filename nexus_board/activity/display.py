"""What templates use to show events: their words, their link, the projects to filter by."""

from ..board.queries import project_choices
from . import bp
from .links import link
from .verbs import told


@bp.app_template_global()
def told_of(event):
    return told(event)


@bp.app_template_global()
def activity_link(event) -> str | None:
    return link(event)


@bp.app_template_global()
def activity_projects():
    return project_choices()
