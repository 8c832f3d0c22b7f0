"""Forms for posting updates and filtering the feed. Shape only; the services check the rules."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import Optional, Regexp

from ..models.update import MAX_BODY
from ..numbers import whole_number

USERNAME_RULE = "A username has 3 to 32 letters, digits, - or _."
TAG_RULE = "Tags start with a letter and use letters, digits, - or _ (up to 40)."


class UpdateForm(FlaskForm):
    body = TextAreaField(
        "Your update",
        description=(
            f"Up to {MAX_BODY:,} characters. Markdown works: **bold**, *italic*, `code`, links "
            "and lists. Add #tags, and @username to mention someone."
        ),
        render_kw={"maxlength": MAX_BODY, "rows": 4},
    )
    contract = SelectField("About a contract (optional)", choices=[], validate_choice=False)
    question = BooleanField("This is a question: the reply that answers it can be accepted")
    announcement = BooleanField("Announcement: pin it at the top of the feed and the hub")

    def contract_id(self) -> int | None:
        value = (self.contract.data or "").strip()
        if not value:
            return None
        # Anything but a plain id names no contract (0): the service refuses it next to the field.
        return whole_number(value) or 0


class FeedFilterForm(FlaskForm):
    """The feed's filters, read from the query string (no CSRF: it only reads)."""

    class Meta:
        csrf = False

    tag = StringField(
        "Tag",
        render_kw={"placeholder": "e.g. django", "autocomplete": "off"},
        filters=[lambda v: (v or "").strip().lstrip("#").lower() or None],
        validators=[Optional(), Regexp(r"^[a-z][a-z0-9_-]{0,39}$", message=TAG_RULE)],
    )
    # A username to type, not a list: a cohort's learners are too many to send with every page.
    learner = StringField(
        "Learner",
        description="Their username, as in their profile's address (/u/ada).",
        render_kw={"placeholder": "e.g. ada", "autocomplete": "off", "maxlength": 32},
        filters=[lambda v: (v or "").strip().lstrip("@").lower() or None],
        validators=[Optional(), Regexp(r"^[a-z0-9_-]{3,32}$", message=USERNAME_RULE)],
    )
    show = SelectField(
        "Show",
        choices=[
            SelectChoice("", "All updates"),
            SelectChoice("questions", "Questions"),
            SelectChoice("unanswered", "Unanswered questions"),
        ],
        validators=[Optional()],
    )
