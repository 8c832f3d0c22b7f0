"""Account pages: sign up, sign in (and again, to confirm it is you), sign out, settings."""

from flask import flash, redirect, request, url_for
from flask_login import current_user, login_required

from ..errors import Invalid
from ..extensions import db, limiter
from ..forms import show_errors
from ..invites import services as invites
from ..ratelimits import rate
from ..rendering import render
from . import bp, devices, services
from .browser import current_device, fresh_sign_in, rekey_browser, sign_in_browser, sign_out_browser
from .decorators import fresh_required
from .forms import ConfirmForm, PasswordForm, SettingsForm, SignInForm, SignUpForm
from .redirects import safe_next

WRONG_LOGIN = "That username or email and password do not match an account."
STALE = "Confirm your password first (above): you signed in more than 10 minutes ago."


def through_invite() -> bool:
    """A sign-up through a valid invite link: the per-address limit does not count it."""
    return invites.standing(invites.find(request.args.get("invite"))) is invites.Standing.VALID


@bp.route("/sign-up", methods=["GET", "POST"])
@limiter.limit(rate("sign_up"), methods=["POST"], exempt_when=through_invite)
def sign_up():
    if current_user.is_authenticated:
        return redirect(url_for("hub.index"))
    form = SignUpForm()
    invite = invites.find(request.args.get("invite"))
    standing = invites.standing(invite) if request.args.get("invite") else None
    if form.validate_on_submit():
        try:
            user = services.register(
                username=form.username.data, password=form.password.data, **_details(form)
            )
            if standing is invites.Standing.VALID:
                invites.use(invite)
        except Invalid as error:
            show_errors(form, error)
        else:
            sign_in_browser(user)
            db.session.commit()
            flash(f"Welcome to Nexus Board, {user.display_name}!", "success")
            return redirect(safe_next(request.args.get("next")), 303)
    return render("auth/sign_up.html", "form", form=form, status=422 if form.errors else 200,
                  invite=invite, standing=standing, next_step=invites.NEXT_STEP)  # fmt: skip


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(rate("sign_in"), methods=["POST"])
def sign_in():
    form = SignInForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        user = services.authenticate(form.login.data, form.password.data)
        if user is None:
            form.form_errors.append(WRONG_LOGIN)
        elif not user.is_active:
            form.form_errors.append(f"An admin disabled this account: {user.state_reason}")
        else:
            sign_in_browser(user, remember=form.remember.data)
            db.session.commit()
            flash(f"Signed in as {user.display_name}.", "success")
            return redirect(safe_next(form.next.data), 303)
    status = 422 if form.errors or form.form_errors else 200
    return render("auth/sign_in.html", "form", form=form, status=status)


@bp.route("/sign-in/confirm", methods=["GET", "POST"])
@login_required
@limiter.limit(rate("fresh_sign_in"), methods=["POST"])
def confirm():
    """Type the password again before a change that needs a fresh sign-in."""
    form = ConfirmForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        if services.password_matches(current_user, form.password.data):
            devices.confirm(current_device())
            db.session.commit()
            return redirect(safe_next(form.next.data or url_for("auth.settings")), 303)
        form.password.errors.append("That is not your password.")
    return render("auth/confirm.html", "form", form=form, status=422 if form.errors else 200)


@bp.post("/sign-out")
def sign_out():
    sign_out_browser()
    db.session.commit()
    flash("You are signed out.", "info")
    return redirect(url_for("hub.index"), 303)


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings():
    form = SettingsForm(obj=current_user if request.method == "GET" else None)
    if form.validate_on_submit():
        if services.clean_email(form.email.data) != current_user.email and not fresh_sign_in():
            form.email.errors.append(STALE)
            return settings_page(settings_form=form)
        try:
            services.update_settings(current_user, **_details(form))
        except Invalid as error:
            show_errors(form, error)
        else:
            db.session.commit()
            flash("Your settings are saved.", "success")
            return redirect(url_for("auth.settings"), 303)
    return settings_page(settings_form=form)


@bp.post("/settings/password")
@fresh_required
def change_password():
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            key = services.change_password(
                current_user,
                current=form.current_password.data,
                new=form.new_password.data,
                keep_tokens=form.keep_tokens.data,
                device=current_device(),
            )
        except Invalid as error:
            show_errors(form, error)
        else:
            rekey_browser(current_user._get_current_object(), key)
            db.session.commit()
            kept = "kept" if form.keep_tokens.data else "revoked"
            flash(f"Password changed. Other devices are signed out; API tokens {kept}.", "success")
            return redirect(url_for("auth.settings"), 303)
    return settings_page(password_form=form)


def settings_page(*, block: str | None = None, status: int | None = None, **forms):
    """The settings page (or one `block` of it, for htmx) with the forms given, fresh others."""
    context = {
        "settings_form": SettingsForm(obj=current_user, formdata=None),
        "password_form": PasswordForm(formdata=None),
        **forms,
    }
    failed = any(form.errors for form in forms.values() if hasattr(form, "errors"))
    status = status or (422 if failed else 200)
    return render("auth/settings.html", block, status=status, **context)


def _details(form) -> dict:
    """The public details of an account, as both sign-up and settings send them."""
    return {name: form[name].data for name in ("display_name", "track", "email")}
