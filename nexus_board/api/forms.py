"""The form that names a new API token."""

from flask_wtf import FlaskForm
from wtforms import StringField


class TokenForm(FlaskForm):
    name = StringField(
        "Token name",
        description="What will use it, like “CI on GitHub” or “sync script”.",
        render_kw={"maxlength": 60, "autocomplete": "off"},
    )
