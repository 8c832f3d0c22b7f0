"""The outbox: a delivery row per webhook that takes an event, written in the event's transaction.

Channel webhooks (the cohort's, a project's) take the public events of the kinds they chose;
a learner's own webhook takes what their inbox hears, of the kinds they chose. The ids are handed
to the task queue only once the transaction commits (`queue.py`).
"""

import secrets

from sqlalchemy import and_, exists, insert, or_, select

from ..activity.audience import Heard, Reason, kind_of
from ..extensions import db
from ..models import AccountState, Activity, Delivery, DeliveryState, Scope, User, Webhook
from ..models.types import utcnow
from . import queue


def write_deliveries(activity: Activity, heard: Heard) -> int:
    """Write `activity`'s deliveries; returns how many."""
    rows = [
        {"webhook_id": hook.id, "reason": reason, "key": f"nxb-{activity.id}-{hook.id}"}
        for hook, reason in _takers(activity, heard)
    ]
    return _write(rows, activity_id=activity.id)


def write_test(webhook: Webhook) -> int:
    """A test message for `webhook`; returns its delivery's id."""
    row = {"webhook_id": webhook.id, "reason": None, "key": f"nxb-test-{secrets.token_hex(8)}"}
    _write([row], activity_id=None)
    return db.session.scalar(select(Delivery.id).where(Delivery.key == row["key"]))


def _takers(activity: Activity, heard: Heard):
    """(webhook, reason) for every webhook that takes `activity`."""
    channels = or_(
        Webhook.scope == Scope.COHORT,
        and_(Webhook.scope == Scope.PROJECT, Webhook.project_id == activity.project_id),
    )
    people = [p for p in heard.people if p != activity.actor_id]
    # A disabled learner hears nothing on their own webhook until an admin enables them again.
    active = exists().where(User.id == Webhook.person_id, User.state == AccountState.ACTIVE)
    personal = and_(Webhook.scope == Scope.PERSONAL, active)
    if not heard.everyone:
        personal = and_(personal, Webhook.person_id.in_(people))
    wanted = or_(channels, personal) if activity.public else personal
    for hook in db.session.scalars(select(Webhook).where(wanted).order_by(Webhook.id)):
        if hook.scope is not Scope.PERSONAL:
            if activity.verb in hook.kinds:
                yield hook, None
        elif hook.person_id != activity.actor_id:
            everyone = (Reason.EVERYONE,) if heard.everyone else ()
            reasons = heard.people.get(hook.person_id) or everyone
            reason = next((r for r in reasons if kind_of(activity.verb, r) in hook.kinds), None)
            if reason is not None:
                yield hook, str(reason)


def _write(rows: list[dict], activity_id: int | None) -> int:
    if not rows:
        return 0
    now = utcnow()
    common = {"activity_id": activity_id, "state": DeliveryState.PENDING, "attempts": 0}
    common |= {"next_attempt_at": now, "created_at": now, "last_error": ""}
    db.session.execute(insert(Delivery), [common | row for row in rows])
    queue.after_commit([row["key"] for row in rows])
    return len(rows)
