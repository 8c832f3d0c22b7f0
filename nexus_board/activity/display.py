"""What templates use to show events: their words, their link, the projects to filter by."""

from ..board.queries import project_choices
from ..limits import CONTRACT_ACTIVITY
from . import bp
from .links import link
from .verbs import told

# How many events a contract's page shows (activity/_contract.html says when it shows no more).
bp.add_app_template_global(CONTRACT_ACTIVITY, "contract_activity_shown")


@bp.app_template_global()
def told_of(event):
    return told(event)


@bp.app_template_global()
def activity_link(event) -> str | None:
    return link(event)


@bp.app_template_global()
def activity_projects():
    return project_choices()
