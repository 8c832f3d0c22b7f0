"""Invite links: the admin's page, and the link a cohort opens."""

from flask import redirect, request, url_for
from flask_login import current_user

from ..auth.decorators import admin_required
from ..errors import Invalid
from ..extensions import db
from ..forms import show_errors
from ..rendering import done, render
from . import bp, services
from .forms import InviteForm


@bp.route("/admin/invites", methods=["GET", "POST"])
@admin_required
def index():
    form = InviteForm()
    status = 200
    if request.method == "POST":
        try:
            invite = services.create_invite(current_user, **_fields(form))
        except Invalid as error:
            show_errors(form, error)
            status = 422
        else:
            db.session.commit()
            return done(f"The invite link “{invite.label}” is ready: copy it below.",
                        back=url_for("invites.index"), template="invites/index.html",
                        block="invites", oob=["announce"], form=InviteForm(formdata=None),
                        invites=services.all_invites(), Standing=services.Standing,
                        standing=services.standing)  # fmt: skip
    return render("invites/index.html", "invites", status=status, form=form,
                  invites=services.all_invites(), standing=services.standing,
                  Standing=services.Standing)  # fmt: skip


@bp.get("/invite/<token>")
def open_link(token):
    """A valid link leads to the sign-up form; any other says why and what to do next."""
    invite = services.find(token)
    found = services.standing(invite)
    if found is services.Standing.VALID and not current_user.is_authenticated:
        return redirect(url_for("auth.sign_up", invite=token), 303)
    status = 200 if found is services.Standing.VALID else 410 if invite else 404
    return render("invites/link.html", status=status, invite=invite, standing=found,
                  next_step=services.NEXT_STEP)  # fmt: skip


def _fields(form: InviteForm) -> dict:
    return {"label": form.label.data or "", "days": form.days.data or "",
            "max_uses": form.max_uses.data or ""}  # fmt: skip
