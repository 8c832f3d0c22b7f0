"""Parts of the contract page that show the contract alone, kept in this process (`kept.py`).

The request and responses section (schemas, examples, mock rules) is most of the page's
rendering, and shows nothing of its viewer but the mock-rule forms of those who may edit
(with their CSRF token: those pages render it each time). Its key names what it shows: the
contract's version, which every ORM write to its row moves (`version_id_col`), and its
responses, tags and rules change only with one, and what shows without an edit: the project's
name, the last check and the words of its time, whether the sunset has passed, the app's root.
So no write needs to invalidate it: a changed contract has a new key in every worker.

The history (its saved edits) is kept the same way: revisions are never changed, and a new
one moves the version. Its key adds what shows without an edit, read as plain rows (cheaper
than the revisions themselves, which load on a miss): each edit's time and editor's name, the
author's name, and for its claimer which edits are new to them.
"""

from collections.abc import Callable

from flask import request
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from .. import kept
from ..limits import CONTRACT_PARTS_KEPT
from ..models import Contract
from ..models.types import utc_today
from ..templating import relative_time
from . import bp, queries

KEPT = "nexus_board.contract_parts"  # in app.extensions: keys name ids of one database
IO = "board/_contract_io.html"
HISTORY = "board/_history.html"


@bp.app_template_global()
@pass_context
def contract_io(context: Context) -> Markup:
    """The request and responses section of `contract`'s page."""

    def render() -> str:
        return _render(context, IO)

    if context.get("dispatch_form") is not None:
        return Markup(render())  # noqa: S704  (our template's output, escaped)
    return _kept(_io_key(context["contract"]), render)


@bp.app_template_global()
@pass_context
def contract_history(context: Context) -> Markup:
    """The saved edits of `contract`, newest first, and its first version."""
    contract, viewer = context["contract"], context["current_user"]
    mine = viewer.is_authenticated and contract.claimer_id == viewer.id

    def render() -> str:
        return _render(context, HISTORY, history=queries.revisions_of(contract.id))

    shown = (
        "history",
        contract.id,
        contract.version,
        [(*stamp, relative_time(stamp[1])) for stamp in queries.revision_stamps(contract.id)],
        contract.author.display_name,
        (contract.created_at, relative_time(contract.created_at)),
        mine and contract.seen_version,
    )
    return _kept(repr(shown), render)


def _io_key(contract: Contract) -> str:
    check, project = contract.verification, contract.project
    shown = (
        "io",
        contract.id,
        contract.version,
        contract.updated_at,
        (project.slug, project.name),
        check and tuple(getattr(check, column.key) for column in check.__mapper__.column_attrs),
        check and relative_time(check.checked_at),
        contract.sunset is not None and contract.sunset <= utc_today(),
        request.root_url,
    )
    return repr(shown)  # the values' reprs, in a fixed order: equal keys, equal sections


def _render(context: Context, name: str, **more) -> str:
    """Template `name` with the page's context (its variables and globals), and `more`."""
    return context.environment.get_template(name).render(context.get_all() | more)


def _kept(key: str, render: Callable[[], str]) -> Markup:
    return kept.html(KEPT, CONTRACT_PARTS_KEPT, key, render)
