"""Settings → Notifications: which kinds reach the inbox, and which go to your own webhook."""

from flask import flash, redirect, request, url_for
from flask_login import current_user, login_required

from ..activity.audience import Reason, inbox_kinds
from ..activity.verbs import KIND_LABELS
from ..errors import Invalid
from ..extensions import db
from ..forms import show_errors
from ..rendering import render
from ..webhooks import services as webhooks
from ..webhooks.forms import OwnWebhookForm
from ..webhooks.urls import masked
from . import bp, services


@bp.app_template_global()
def because(reason: str) -> str:
    return Reason(reason).because


@bp.route("/settings/notifications", methods=["GET", "POST"])
@login_required
def settings():
    hook = webhooks.own_webhook(current_user)
    defaults = {"format": hook.format.value if hook else None}  # the URL is a secret: not shown
    form = OwnWebhookForm(data=defaults if request.method == "GET" else None)
    in_app, to_hook = services.kinds_in_app(current_user), set(hook.kinds if hook else ())
    if form.validate_on_submit():
        in_app, to_hook = set(request.form.getlist("in_app")), set(request.form.getlist("hook"))
        try:
            services.save_kinds(current_user, in_app)
            webhooks.set_own_webhook(current_user, url=form.url.data, format=form.format.data,
                                     kinds=to_hook)  # fmt: skip
        except Invalid as error:
            db.session.rollback()
            show_errors(form, error, summary=False)
        else:
            db.session.commit()
            flash("Your notification settings are saved.", "success")
            return redirect(url_for("inbox.settings"), 303)
    rows = [(kind, KIND_LABELS[kind]) for kind in inbox_kinds()]
    return render("inbox/settings.html", status=422 if form.errors else 200, form=form,
                  rows=rows, in_app=in_app, to_hook=to_hook, hook=hook,
                  shown_url=masked(hook.url) if hook else "")  # fmt: skip
