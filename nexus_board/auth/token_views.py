"""API tokens in account settings: create one (its secret shown once) and revoke one."""

from flask import url_for
from flask_login import current_user, login_required

from ..errors import Invalid
from ..extensions import db, limiter
from ..forms import show_errors
from ..rendering import done, render
from . import bp, tokens
from .forms import PasswordForm, SettingsForm, TokenForm

PAGE = "auth/token_settings.html"  # the settings page; its tokens section answers htmx


@bp.app_template_global()
def api_tokens():
    """The signed-in learner's active tokens, for the settings page."""
    return tokens.tokens_of(current_user)


@bp.app_template_global()
def new_token_form():
    return TokenForm(formdata=None)


@bp.post("/settings/tokens")
@login_required
@limiter.limit("20 per hour")
def create_token():
    form = TokenForm()
    if form.validate_on_submit():
        try:
            token, secret = tokens.create_token(current_user, form.name.data)
        except Invalid as error:
            show_errors(form, error)
        else:
            db.session.commit()
            # Shown in this response only: it is never stored, so never in a redirect.
            return _page(TokenForm(formdata=None), created=token, secret=secret)
    return _page(form, status=422)


@bp.post("/settings/tokens/<int:token_id>/revoke")
@login_required
def revoke_token(token_id):
    token = tokens.revoke_token(current_user, token_id)
    db.session.commit()
    message = f"Revoked the token “{token.name}”. Scripts using it now get 401."
    back = url_for("auth.settings") + "#tokens"
    return done(
        message, back=back, template=PAGE, block="tokens", **_forms(TokenForm(formdata=None))
    )


def _page(form, *, status: int = 200, **context):
    response = render(PAGE, "tokens", status=status, **_forms(form), **context)
    response.headers["Cache-Control"] = "no-store"  # it may hold a secret
    return response


def _forms(token_form) -> dict:
    return {
        "settings_form": SettingsForm(obj=current_user, formdata=None),
        "password_form": PasswordForm(formdata=None),
        "token_form": token_form,
    }
