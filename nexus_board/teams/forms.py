"""Team forms. Shape only: the services check the rules."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectChoice, SelectField, StringField, TextAreaField

from ..limits import LINK_CHARS, MARKDOWN


class DetailsForm(FlaskForm):
    description = TextAreaField(
        "Description",
        description="Markdown: what the project does, for whom, and what is done so far.",
        render_kw={"maxlength": MARKDOWN["project_description"], "rows": 5},
    )
    repository_url = StringField(
        "Repository",
        description="An https:// link to its code (shown as a link, never opened by the server).",
        render_kw={"maxlength": LINK_CHARS, "inputmode": "url"},
    )
    looking_for = SelectField(
        "Looking for a partner",
        choices=[
            SelectChoice("", "No"),
            SelectChoice("frontend", "A frontend partner"),
            SelectChoice("backend", "A backend partner"),
        ],
        validate_choice=False,
    )


class AgreementForm(FlaskForm):
    agreement = TextAreaField(
        "Working agreement",
        description="Markdown: channel, expected response time, sync meetings, and the "
        "definition of done for a contract.",
        render_kw={"maxlength": MARKDOWN["agreement"], "rows": 10},
    )
    version = HiddenField()
