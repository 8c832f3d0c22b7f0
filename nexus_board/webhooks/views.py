"""Setting up webhooks: the cohort's (admins), a project's (its contributors), test messages,
removing them; and the admins' list of failed deliveries with a retry button."""

from flask import flash, redirect, request, url_for
from flask_login import current_user, login_required

from ..auth.decorators import admin_required
from ..errors import Conflict, Forbidden, Invalid
from ..extensions import db, limiter
from ..forms import show_errors
from ..models import Scope
from ..openapi.lookup import get_project_or_404
from ..ratelimits import rate
from ..rendering import render
from . import bp, lookup, services
from .forms import WebhookForm, kind_choices
from .urls import masked

SENT = "A test message is on its way: it arrives within a few seconds if the URL works."


@bp.app_template_global()
def masked_url(url: str) -> str:
    return masked(url)


@bp.app_template_global()
def manages_project_webhooks(project) -> bool:
    user = current_user
    return user.is_authenticated and services.may_manage(user, Scope.PROJECT, project)


@bp.route("/admin/webhooks", methods=["GET", "POST"])
@admin_required
@limiter.limit(rate("webhook"), methods=["POST"])
def cohort():
    return _hooks_page(None, back=url_for("webhooks.cohort"))


@bp.route("/projects/<slug>/webhooks", methods=["GET", "POST"])
@login_required
@limiter.limit(rate("webhook"), methods=["POST"])
def project(slug):
    home = get_project_or_404(slug)
    if not services.may_manage(current_user, Scope.PROJECT, home):
        raise Forbidden("Only the project's contributors (or an admin) can set up its webhooks.")
    return _hooks_page(home, back=url_for("webhooks.project", slug=slug))


@bp.post("/webhooks/<int:webhook_id>/delete")
@login_required
def delete(webhook_id):
    hook = lookup.get_webhook_or_404(webhook_id, current_user)
    back = _page_of(hook)
    services.delete_webhook(hook, current_user)
    db.session.commit()
    flash(f"Removed the webhook “{hook.name}”. Nothing more is sent to it.", "success")
    return redirect(back, 303)


@bp.post("/webhooks/<int:webhook_id>/test")
@login_required
@limiter.limit(rate("webhook_test"))
def test(webhook_id):
    hook = lookup.get_webhook_or_404(webhook_id, current_user)
    services.send_test(hook, current_user)
    db.session.commit()
    flash(SENT, "success")
    return redirect(_page_of(hook), 303)


@bp.get("/admin/deliveries")
@admin_required
def failures():
    return render("webhooks/failures.html", failures=lookup.failures())


@bp.post("/admin/deliveries/<int:delivery_id>/retry")
@admin_required
def retry(delivery_id):
    delivery = lookup.get_failed_delivery_or_404(delivery_id)
    try:
        services.retry(delivery, current_user)
    except Conflict as error:
        flash(error.message, "info")
    else:
        db.session.commit()
        flash("The delivery is queued again, from its first try.", "success")
    return redirect(url_for("webhooks.failures"), 303)


def _hooks_page(home, *, back: str):
    form = WebhookForm(data={"kinds": services.CHANNEL_KINDS} if request.method == "GET" else None)
    form.kinds.choices = kind_choices(services.CHANNEL_KINDS)
    if form.validate_on_submit():
        try:
            hook = services.add_webhook(current_user, name=form.name.data, url=form.url.data,
                                        format=form.format.data, kinds=form.kinds.data,
                                        project=home)  # fmt: skip
        except (Invalid, Conflict) as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            flash(
                f"Added the webhook “{hook.name}”. Send it a test message to check it.", "success"
            )
            return redirect(back, 303)
    scope = Scope.PROJECT if home is not None else Scope.COHORT
    return render("webhooks/index.html", status=422 if form.errors or form.form_errors else 200,
                  form=form, project=home, hooks=lookup.webhooks_of(scope, home))  # fmt: skip


def _page_of(hook) -> str:
    if hook.scope is Scope.PERSONAL:
        return url_for("inbox.settings")
    if hook.scope is Scope.PROJECT:
        return url_for("webhooks.project", slug=hook.project.slug)
    return url_for("webhooks.cohort")
