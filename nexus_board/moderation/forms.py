"""Moderation's forms (shape only: the services check the rules)."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField, TextAreaField

from ..limits import HIDDEN_REASON_CHARS, REPORT_NOTE_CHARS


class ReportForm(FlaskForm):
    # A <select> of services.REASONS in the template (one per item on a page, so ids of its
    # own); the service checks the value.
    reason = StringField("Why?")
    note = TextAreaField(
        "Note for the admins (optional)",
        render_kw={"rows": 2, "maxlength": REPORT_NOTE_CHARS},
    )


class ModerateForm(FlaskForm):
    reason = StringField(
        "Reason",
        description="One line. Its author sees it.",
        render_kw={"maxlength": HIDDEN_REASON_CHARS, "autocomplete": "off"},
    )
    view = HiddenField()  # "queue": answer with the queue's row; else with the item's place
