"""Finding one webhook or delivery: the 404 and 403 rules in one place."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..errors import Forbidden, NotFound
from ..extensions import db
from ..models import Delivery, DeliveryState, Scope, User, Webhook
from .services import may_manage

GONE = "There is no such webhook. It may have been removed."


def get_webhook_or_404(webhook_id: int, user: User) -> Webhook:
    """A webhook `user` may manage; another learner's own one is not there for them."""
    hook = db.session.get(Webhook, webhook_id)
    if hook is None or (hook.scope is Scope.PERSONAL and hook.person_id != user.id):
        raise NotFound(GONE)
    if not may_manage(user, hook.scope, hook.project, hook.person_id):
        raise Forbidden("Only the people who set up this webhook's channel can change it.")
    return hook


def get_failed_delivery_or_404(delivery_id: int) -> Delivery:
    row = db.session.get(Delivery, delivery_id)
    if row is None:
        raise NotFound("There is no such delivery.")
    return row


def failures(limit: int = 100) -> list[Delivery]:
    """Failed deliveries, newest first, with their webhook and event."""
    query = (
        select(Delivery)
        .where(Delivery.state == DeliveryState.FAILED)
        .order_by(Delivery.id.desc())
        .limit(limit)
        .options(joinedload(Delivery.webhook), joinedload(Delivery.activity))
    )
    return list(db.session.scalars(query))


def webhooks_of(scope: Scope, project=None) -> list[Webhook]:
    query = select(Webhook).where(Webhook.scope == scope).order_by(Webhook.id)
    if project is not None:
        query = query.where(Webhook.project_id == project.id)
    return list(db.session.scalars(query.options(joinedload(Webhook.created_by))))
