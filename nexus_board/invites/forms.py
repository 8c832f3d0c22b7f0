"""The invite form. Shape only: the services check the rules."""

from flask_wtf import FlaskForm
from wtforms import StringField

from ..limits import INVITE_MAX_DAYS, INVITE_MAX_USES
from ..models.invite import LABEL_CHARS


class InviteForm(FlaskForm):
    label = StringField("Label", description="Who the link is for, e.g. “Cohort 7, room B”.",
                        render_kw={"maxlength": LABEL_CHARS})  # fmt: skip
    days = StringField("Works for (days)", default="7", description=f"1 to {INVITE_MAX_DAYS}.",
                       render_kw={"inputmode": "numeric"})  # fmt: skip
    max_uses = StringField("Maximum number of sign-ups", default="40",
                           description=f"1 to {INVITE_MAX_USES:,}.",
                           render_kw={"inputmode": "numeric"})  # fmt: skip
