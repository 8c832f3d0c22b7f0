"""Reporting an item, the admins' queue and actions, and the audit log."""

from flask import request, url_for
from flask_login import current_user, login_required

from ..auth.decorators import admin_required
from ..errors import DomainError, Invalid
from ..extensions import db, limiter
from ..forms import show_errors
from ..limits import HIDDEN_REASON_CHARS, REPORT_NOTE_CHARS
from ..numbers import whole_number
from ..ratelimits import rate
from ..rendering import done, render
from . import bp, queries, services
from .forms import ModerateForm, ReportForm
from .kinds import KINDS, NAMES

ITEM = f"<any({', '.join(NAMES)}):kind>/<int:item_id>"
SAID = {"hide": "Hidden. Its author sees why.", "unhide": "Shown again.",
        "delete": "Deleted. Its author is told why."}  # fmt: skip


@bp.post(f"/report/{ITEM}")
@login_required
@limiter.limit(rate("report"), key_func=lambda: f"reporter/{current_user.id}")
def report(kind, item_id):
    form = ReportForm()
    context = {"kind": KINDS[kind], "item_id": item_id, "form": form}
    try:
        services.report(kind, item_id, current_user, form.reason.data, form.note.data)
    except Invalid as error:
        show_errors(form, error)
        return render("moderation/report.html", "report", status=422, **context)
    db.session.commit()
    back = KINDS[kind].link(services.find(kind, item_id)[1])
    message = "Thank you. An admin will look at it."
    return done(message, back=back, template="moderation/report.html", block="report", **context)


@bp.post(f"/moderation/{ITEM}/<any(hide,unhide,delete):action>")
@admin_required
def moderate(kind, item_id, action):
    form = ModerateForm()
    queue = form.view.data == "queue"
    try:
        if action == "unhide":
            services.unhide(kind, item_id, current_user)
        else:
            getattr(services, action)(kind, item_id, current_user, form.reason.data)
    except Invalid as error:
        show_errors(form, error)
        return render("moderation/moderate.html", "moderate", status=422, form=form,
                      kind=KINDS[kind], item_id=item_id, action=action)  # fmt: skip
    db.session.commit()
    back = url_for("moderation.reports") if queue or action == "delete" else _link(kind, item_id)
    return done(SAID[action], back=back, template="moderation/moderate.html", block="settled")


@bp.get("/admin/reports")
@admin_required
def reports():
    page = queries.open_reports(after=_number("after"))
    forms = {"moderate": ModerateForm(formdata=None, view="queue")}
    return render("moderation/reports.html", "queue", page=page, kinds=KINDS,
                  reasons=services.REASONS, **forms)  # fmt: skip


@bp.post("/admin/reports/<int:report_id>/dismiss")
@admin_required
def dismiss(report_id):
    services.dismiss(report_id, current_user)
    db.session.commit()
    return done("Dismissed: the item stays as it is.", back=url_for("moderation.reports"),
                template="moderation/moderate.html", block="settled")  # fmt: skip


@bp.get("/admin/audit")
@admin_required
def audit():
    kind = request.args.get("kind", "")
    kind = kind if kind in (*NAMES, "account") else ""
    actor = _number("actor")
    page = queries.audit_page(kind, actor, before=_number("before"))
    return render("moderation/audit.html", "log", page=page, kind=kind, actor=actor,
                  kinds=(*NAMES, "account"), actors=queries.actors())  # fmt: skip


def _number(name: str) -> int | None:
    text = request.args.get(name)
    if not text:
        return None
    number = whole_number(text)
    if number is None:
        raise DomainError(f"“{name}” must be a page number from a link on this page.")
    return number


def _link(kind: str, item_id: int) -> str:
    return KINDS[kind].link(services.find(kind, item_id)[1])


@bp.app_context_processor
def _controls():
    """What the report and moderate controls need on any page that shows an item."""
    return {"report_reasons": services.REASONS, "note_chars": REPORT_NOTE_CHARS,
            "reason_chars": HIDDEN_REASON_CHARS}  # fmt: skip
