"""Webhook forms: shape only; `services.py` checks the URL, the name and the kinds."""

from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, SelectMultipleField, StringField
from wtforms.widgets import CheckboxInput, ListWidget

from ..activity.verbs import KIND_LABELS
from ..models import Format

FORMATS = [SelectChoice(f.value, f.label) for f in Format]
URL_HINT = (
    "Discord: the channel's settings → Integrations → Webhooks → Copy Webhook URL. "
    "Slack: an incoming webhook's URL."
)


class KindsField(SelectMultipleField):
    """Checkboxes, one per kind of event."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def pre_validate(self, form):
        pass  # the service keeps the known kinds and says if none is left


def kind_choices(kinds) -> list[tuple[str, str]]:
    return [(kind, KIND_LABELS.get(kind, kind)) for kind in kinds]


class WebhookForm(FlaskForm):
    """A cohort or project webhook."""

    name = StringField("Name", description="Where it posts, like “#ProDevProjectNexus”.")
    url = StringField("Webhook URL", description=URL_HINT)
    format = RadioField("Format", choices=FORMATS, default="discord")
    kinds = KindsField("Events to send")


class OwnWebhookForm(FlaskForm):
    """A learner's own webhook (its kinds are the “To my webhook” column of the settings)."""

    url = StringField("Your webhook URL (optional)", description=URL_HINT + " Empty: none.")
    format = RadioField("Format", choices=FORMATS, default="discord")
