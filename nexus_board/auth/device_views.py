"""Settings → Your devices: every browser signed in as you, each with its own sign-out, and
signing out everywhere at once."""

from flask import flash, redirect, url_for
from flask_login import current_user, login_required

from ..extensions import db
from ..rendering import done
from . import bp, devices
from .browser import current_device, fresh_sign_in, sign_out_browser
from .forms import PasswordForm, SettingsForm

bp.add_app_template_global(current_device)
bp.add_app_template_global(fresh_sign_in)


@bp.app_template_global()
def signed_in_devices():
    """The signed-in learner's devices, most recently seen first."""
    return devices.devices_of(current_user)


@bp.post("/settings/devices/<int:device_id>/sign-out")
@login_required
def sign_out_device(device_id):
    if device_id == current_device().id:
        return _signed_out_here("You are signed out.", end_device=True)
    devices.end(current_user, device_id)
    db.session.commit()
    return done(
        "That device is signed out.",
        back=url_for("auth.settings") + "#devices",
        template="auth/settings.html",
        block="devices",
        settings_form=SettingsForm(obj=current_user, formdata=None),
        password_form=PasswordForm(formdata=None),
    )


@bp.post("/settings/sign-out-everywhere")
@login_required
def sign_out_everywhere():
    devices.end_all(current_user)
    return _signed_out_here("You are signed out on every device, this one too.", end_device=False)


def _signed_out_here(message: str, *, end_device: bool):
    sign_out_browser(end_device=end_device)
    db.session.commit()
    flash(message, "info")
    return redirect(url_for("auth.sign_in"), 303)
