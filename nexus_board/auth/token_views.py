"""API tokens in account settings: create one (its secret shown once) and revoke one."""

from flask import url_for
from flask_login import current_user, login_required

from ..errors import Invalid
from ..extensions import db, limiter
from ..forms import show_errors
from ..ratelimits import rate
from ..rendering import done
from . import bp, tokens
from .account_views import settings_page
from .decorators import fresh_required
from .forms import PasswordForm, SettingsForm, TokenForm

PAGE = "auth/settings.html"  # its tokens block answers htmx


@bp.app_template_global()
def api_tokens():
    """The signed-in learner's active tokens, for the settings page."""
    return tokens.tokens_of(current_user)


@bp.app_template_global()
def new_token_form():
    return TokenForm(formdata=None)


@bp.post("/settings/tokens")
@fresh_required
@limiter.limit(rate("token"))
def create_token():
    form = TokenForm()
    if form.validate_on_submit():
        try:
            token, secret = tokens.create_token(
                current_user, form.name.data, scope=form.scope.data, days=_days(form.days.data)
            )
        except Invalid as error:
            show_errors(form, error)
        else:
            db.session.commit()
            # Shown in this response only: it is never stored, so never in a redirect.
            form = TokenForm(formdata=None)
            return settings_page(block="tokens", token_form=form, created=token, secret=secret)
    return settings_page(block="tokens", token_form=form, status=422)


@bp.post("/settings/tokens/<int:token_id>/revoke")
@login_required
def revoke_token(token_id):
    token = tokens.revoke_token(current_user, token_id)
    db.session.commit()
    message = f"Revoked the token “{token.name}”. Scripts using it now get 401."
    back = url_for("auth.settings") + "#tokens"
    return done(
        message,
        back=back,
        template=PAGE,
        block="tokens",
        settings_form=SettingsForm(obj=current_user, formdata=None),
        password_form=PasswordForm(formdata=None),
    )


def _days(value: str) -> int:
    return int(value) if value in {str(days) for days in tokens.LIFETIMES} else -1
