"""Account pages."""

from flask import current_app, flash, redirect, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..errors import Invalid
from ..extensions import db, limiter
from ..forms import show_errors
from ..invites import services as invites
from ..rendering import render
from . import bp, services
from .forms import PasswordForm, SettingsForm, SignInForm, SignUpForm
from .redirects import safe_next

WRONG_LOGIN = "That username or email and password do not match an account."


def through_invite() -> bool:
    """A sign-up through a valid invite link: the per-address limit does not count it."""
    return invites.standing(invites.find(request.args.get("invite"))) is invites.Standing.VALID


@bp.route("/sign-up", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"], exempt_when=through_invite)
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
            db.session.commit()
            login_user(user)
            flash(f"Welcome to Nexus Board, {user.display_name}!", "success")
            return redirect(safe_next(request.args.get("next")), 303)
    return render("auth/sign_up.html", "form", form=form, status=422 if form.errors else 200,
                  invite=invite, standing=standing, next_step=invites.NEXT_STEP)  # fmt: skip


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def sign_in():
    form = SignInForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        user = services.authenticate(form.login.data, form.password.data)
        if user is not None:
            login_user(user, remember=form.remember.data)
            flash(f"Signed in as {user.display_name}.", "success")
            return redirect(safe_next(form.next.data), 303)
        form.form_errors.append(WRONG_LOGIN)
    status = 422 if form.errors or form.form_errors else 200
    return render("auth/sign_in.html", "form", form=form, status=status)


@bp.post("/sign-out")
def sign_out():
    logout_user()
    flash("You are signed out.", "info")
    return redirect(url_for("hub.index"), 303)


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings():
    form = SettingsForm(obj=current_user if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            services.update_settings(current_user, **_details(form))
        except Invalid as error:
            show_errors(form, error)
        else:
            db.session.commit()
            flash("Your settings are saved.", "success")
            return redirect(url_for("auth.settings"), 303)
    return _settings_page(form, PasswordForm(formdata=None))


@bp.post("/settings/password")
@login_required
def change_password():
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(
                current_user, current=form.current_password.data, new=form.new_password.data
            )
        except Invalid as error:
            show_errors(form, error)
        else:
            db.session.commit()
            # The old session token is void now: sign this browser in again with the new one.
            remembered = current_app.config["REMEMBER_COOKIE_NAME"] in request.cookies
            login_user(current_user, remember=remembered)
            flash("Your password is changed. Other devices are signed out.", "success")
            return redirect(url_for("auth.settings"), 303)
    return _settings_page(SettingsForm(obj=current_user, formdata=None), form)


def _details(form) -> dict:
    """The public details of an account, as both sign-up and settings send them."""
    return {name: form[name].data for name in ("display_name", "track", "email")}


def _settings_page(settings_form, password_form):
    failed = settings_form.errors or password_form.errors
    return render(
        "auth/settings.html",
        settings_form=settings_form,
        password_form=password_form,
        status=422 if failed else 200,
    )
