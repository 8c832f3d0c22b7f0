"""The theme toggle: light, dark, or the device's setting, remembered per account or browser."""

from flask import current_app, redirect, request
from flask_login import current_user

from .. import themes
from ..extensions import db
from ..models import Theme
from ..rendering import render, wants_fragment
from . import bp, services
from .forms import ThemeForm
from .redirects import safe_next


@bp.route("/theme", methods=["GET", "POST"])
def theme():
    """The toggle's script posts here in place (204); without script, this page is the toggle."""
    current = themes.chosen()
    form = ThemeForm(theme=current.value if current else "system", next=request.args.get("next"))
    if not form.validate_on_submit():  # the radio buttons accept only their own choices
        back = safe_next(form.next.data) if form.next.data else None
        status = 422 if form.errors else 200
        return render("auth/theme.html", "form", form=form, back=back, status=status)
    picked = None if form.theme.data == "system" else Theme(form.theme.data)
    if current_user.is_authenticated:
        services.set_theme(current_user, picked)
        db.session.commit()
    answer = ("", 204) if wants_fragment() else redirect(safe_next(form.next.data), 303)
    secure = current_app.config["SESSION_COOKIE_SECURE"]
    return themes.remember(current_app.make_response(answer), picked, secure=secure)
