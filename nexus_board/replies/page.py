"""What an update's page shows under it: the thread, and the form to reply."""

from flask_login import current_user

from ..updates.page import contract_links
from . import queries
from .forms import ReplyForm


def thread_context(update, **extra) -> dict:
    """The update, its replies and a fresh reply form (signed-in people only: visitors' pages
    carry no CSRF token, so they can be cached)."""
    context = {
        "update": update,
        "replies": queries.thread(update.id, current_user),
        "reply_form": ReplyForm(formdata=None) if current_user.is_authenticated else None,
        "editing": None,
        "contract_links": contract_links([update]),
    }
    return context | extra
