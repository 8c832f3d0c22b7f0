"""Account forms. They check shape; the services in `services.py` check the rules."""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    PasswordField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional

from ..models import TokenScope
from .tokens import LIFETIMES

TRACKS = [SelectChoice("backend", "Backend"), SelectChoice("frontend", "Frontend")]
THEMES = [
    SelectChoice("system", "Match my device"),
    SelectChoice("light", "Light"),
    SelectChoice("dark", "Dark"),
]


class SignUpForm(FlaskForm):
    username = StringField(
        "Username",
        validators=[DataRequired(), Length(max=32)],
        description="3–32 lower-case letters, digits, - or _. It is your profile's address.",
    )
    display_name = StringField("Display name", validators=[DataRequired(), Length(max=80)])
    email = EmailField(
        "Email (optional)", validators=[Optional(), Length(max=254)], description="To sign in."
    )
    password = PasswordField(
        "Password",
        validators=[DataRequired()],
        description="At least 12 characters.",
    )
    track = RadioField("Track", choices=TRACKS, validators=[DataRequired()])


class SignInForm(FlaskForm):
    login = StringField("Username or email", validators=[DataRequired(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired()])
    remember = BooleanField("Keep me signed in on this device")
    next = HiddenField()


class SettingsForm(FlaskForm):
    display_name = StringField("Display name", validators=[DataRequired(), Length(max=80)])
    email = EmailField("Email (optional)", validators=[Optional(), Length(max=254)])
    track = RadioField("Track", choices=TRACKS, validators=[DataRequired()])


class ConfirmForm(FlaskForm):
    password = PasswordField("Password", validators=[DataRequired()])
    next = HiddenField()


class PasswordForm(FlaskForm):
    current_password = PasswordField("Current password", validators=[DataRequired()])
    new_password = PasswordField(
        "New password", validators=[DataRequired()], description="At least 12 characters."
    )
    # Unticked (and absent from a script's post) means revoke: the safe choice is the default.
    keep_tokens = BooleanField(
        "Keep my API tokens working",
        description="Leave this unticked to revoke them all, in case one leaked with the password.",
    )


class TokenForm(FlaskForm):
    name = StringField(
        "Token name",
        description="What will use it, like “CI on GitHub” or “sync script”.",
        render_kw={"maxlength": 60, "autocomplete": "off"},
    )
    scope = RadioField(
        "It may",
        choices=[SelectChoice(s.value, s.label) for s in TokenScope],
        default=TokenScope.READ.value,
    )
    days = SelectField(
        "Expires after",
        choices=[SelectChoice(str(days), label) for days, label in LIFETIMES.items()],
        default="30",
        coerce=str,
    )


class DeleteAccountForm(FlaskForm):
    confirm = StringField(
        "Type your username to confirm",
        validators=[DataRequired()],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )


class DisableForm(FlaskForm):
    reason = TextAreaField(
        "Reason", description="The learner sees it when signing in.", render_kw={"rows": 2}
    )


class ThemeForm(FlaskForm):
    theme = RadioField("Theme", choices=THEMES, validators=[DataRequired()])
    next = HiddenField()
