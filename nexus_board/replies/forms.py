"""The reply form. Shape only: the services check the rules."""

from flask_wtf import FlaskForm
from wtforms import TextAreaField

from .services import MAX_REPLY


class ReplyForm(FlaskForm):
    body = TextAreaField(
        "Your reply",
        description=f"Up to {MAX_REPLY:,} characters of Markdown.",
        render_kw={"maxlength": MAX_REPLY, "rows": 3},
    )
