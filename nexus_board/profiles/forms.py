"""Profile forms. They carry the input; the services check it and name the bad fields.

CSRF is checked for every unsafe request by CSRFProtect (htmx sends the header), so these forms
do not add a second token of their own.
"""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SelectMultipleField, StringField, TextAreaField, URLField
from wtforms.widgets import CheckboxInput, ListWidget

MARKDOWN = "Markdown works: **bold**, `code`, lists and links."


class ProfileForm(FlaskForm):
    class Meta:
        csrf = False


class DetailsForm(ProfileForm):
    headline = StringField(
        "Headline", description="One line under your name, e.g. “Backend engineer in training”."
    )
    project_focus = TextAreaField(
        "Project focus", description="What you are building this cohort. " + MARKDOWN
    )
    overview = TextAreaField("Overview", description="About you and your journey. " + MARKDOWN)
    discord_handle = StringField("Discord username", description="So peers can reach you.")
    github_url = URLField("GitHub profile", description="Like https://github.com/ada-okafor.")


class LearningForm(ProfileForm):
    name = StringField("Name")
    note = StringField("Note (optional)", description="What you did with it, in a line.")


class ChallengeForm(ProfileForm):
    title = StringField("Challenge")
    solution = TextAreaField("Solution", description="How you solved it. " + MARKDOWN)
    tag_ids = SelectMultipleField(
        "Related learnings (optional)",
        coerce=str,  # kept as sent: the service turns them into ids and says which are bad
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
        validate_choice=False,  # the service checks the learnings are the owner's
    )


class TakeawayForm(ProfileForm):
    text = TextAreaField("Practice or takeaway", description=MARKDOWN)


class SectionForm(ProfileForm):
    title = StringField("Title")
    body = TextAreaField("Text", description=MARKDOWN)


class ImportForm(ProfileForm):
    readme = FileField("README file", description="A Markdown file (.md), up to 200 KB.")
    text = TextAreaField("Or paste its Markdown")
