"""What templates use to show events: their words, their link, the projects to filter by."""

from flask import request
from markupsafe import Markup

from .. import kept
from ..board.queries import project_choices
from ..limits import CONTRACT_ACTIVITY, EVENTS_KEPT
from ..templating import relative_time
from . import bp
from .links import link
from .verbs import told

KEPT = "nexus_board.kept_events"  # in app.extensions: events' HTML by what they show

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


@bp.app_template_global()
def event_html(event, tag: str = "li") -> Markup:
    """`activity_item(event, tag)`'s HTML, kept in this process under a key that names all it
    shows: the event's columns, its actor's and project's names, the words of its time and the
    app's root. An event is written once, so a contract page's history renders once."""
    key, template = _key(event, tag), "activity/_item.html"
    return kept.macro_html(KEPT, EVENTS_KEPT, key, template, "activity_item", event, tag)


def _key(event, tag: str) -> str:
    actor, project = event.actor, event.project
    shown = (
        tuple(getattr(event, column.key) for column in event.__mapper__.column_attrs),
        (actor.username, actor.display_name) if actor is not None else None,
        (project.slug, project.name) if project is not None else None,
        relative_time(event.created_at),
        request.root_url,
        tag,
    )
    return repr(shown)  # the values' reprs, in a fixed order: equal keys, equal events
