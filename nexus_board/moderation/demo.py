"""Moderation's part of the demo: one update reported, so the queue has something to show."""

from sqlalchemy import select

from ..extensions import db
from ..models import Update, User
from . import services


def seed_moderation(learners: dict[str, User]) -> None:
    """Hana reports Brian's newest update (the mentor sees it at Reports)."""
    query = select(Update).where(Update.author_id == learners["brian"].id)
    update = db.session.scalar(query.order_by(Update.id.desc()))
    if update is not None:
        services.report("update", update.id, learners["hana"], "off_topic",
                        "Not about the project, I think.")  # fmt: skip
