"""Review forms. Shape only: the services check the rules."""

from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField

from ..limits import LINK_CHARS, MARKDOWN
from ..models.review import TITLE_CHARS


class RequestForm(FlaskForm):
    title = StringField("Title", render_kw={"maxlength": TITLE_CHARS})
    link = StringField(
        "Link to the pull request or commit",
        description="An https:// link. It is shown as a link; Nexus Board never opens it.",
        render_kw={
            "maxlength": LINK_CHARS,
            "inputmode": "url",
            "placeholder": "https://github.com/…",
        },
    )
    focus = TextAreaField(
        "What to look at",
        description="Markdown. Which files, which decisions, what worries you.",
        render_kw={"maxlength": MARKDOWN["review_focus"], "rows": 5},
    )
    tags = StringField(
        "Tags (language, framework)",
        description="Separated by commas, e.g. python, django, celery.",
        render_kw={"placeholder": "python, django"},
    )


class ReviewForm(FlaskForm):
    review = TextAreaField(
        "Your review",
        description="Markdown. Posting it marks the review done.",
        render_kw={"maxlength": MARKDOWN["review"], "rows": 8},
    )


class FollowUpForm(FlaskForm):
    follow_up = TextAreaField(
        "Follow-up",
        description="What should the reviewer look at again?",
        render_kw={"maxlength": MARKDOWN["follow_up"], "rows": 3},
    )
