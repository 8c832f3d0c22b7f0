"""Sending one delivery, in the worker: claim it, POST it, then record what happened.

At least once: a row is claimed with a conditional UPDATE that takes a lease, the claim is
committed, the message is posted, and only then is the row marked sent. A worker killed in
between leaves a lease that runs out; the sweep hands the row to the queue again. Only a crash
after the webhook accepted and before the mark repeats a message, with the same key.
"""

import logging
import random
import secrets
from dataclasses import dataclass
from datetime import timedelta
from email.utils import parsedate_to_datetime

import httpx
from flask import current_app
from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..models import Activity, Delivery, DeliveryState
from ..models.types import utcnow
from . import queue, urls
from .messages import message_for, payload

log = logging.getLogger(__name__)
PENDING, SENDING, SENT, FAILED = DeliveryState
AGENT = "NexusBoard-Webhooks/1"


@dataclass(frozen=True)
class Outcome:
    status: int | None  # the HTTP status, None if no answer came
    error: str = ""
    retry_after: float | None = None  # what the webhook asked for (429)
    final: bool = False  # retrying cannot help (a 4xx, a refused address)

    @property
    def sent(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


def deliver(key: str, post=None) -> Outcome | None:
    """Try the delivery `key` once if it is due and nobody holds it; None if it was not."""
    lease = _claim(key)
    if lease is None:
        return None
    row = db.session.scalar(
        select(Delivery)
        .where(Delivery.key == key)
        .options(
            joinedload(Delivery.webhook),
            joinedload(Delivery.activity).joinedload(Activity.actor),
            joinedload(Delivery.activity).joinedload(Activity.project),
        )
    )
    if row is None:  # its webhook was removed since: nothing to send
        return None
    outcome = send(row, post=post)
    _finish(row, lease, outcome)
    return outcome


def send(row: Delivery, post=None) -> Outcome:
    """POST `row`'s message to its webhook's checked address (never following a redirect)."""
    config = current_app.config
    body = payload(message_for(row), row.webhook.format)
    try:
        where = urls.target(row.webhook.url, allow_loopback=config["WEBHOOK_ALLOW_LOOPBACK"])
    except urls.Refused as refused:
        return Outcome(None, str(refused), final=True)
    headers = {"Host": where.host, "Idempotency-Key": row.key, "User-Agent": AGENT}
    extensions = {"sni_hostname": where.sni} if where.sni else {}
    try:
        response = (post or _post)(where.url, body, headers, extensions)
    except httpx.HTTPError as error:
        return Outcome(None, f"No answer: {type(error).__name__} {error}"[:500])
    return judge(response)


def judge(response: httpx.Response) -> Outcome:
    """What an answer means: sent, try again (when), or give up."""
    status = response.status_code
    if 200 <= status < 300:
        return Outcome(status)
    text = f"The webhook answered {status}: {response.text[:300]}".strip()
    if status == 429:
        return Outcome(status, text, retry_after=retry_after(response))
    if 300 <= status < 400:
        redirected = f"The webhook answered {status}; redirects are not followed."
        return Outcome(status, redirected, final=True)
    if 400 <= status < 500 and status != 408:
        return Outcome(status, text, final=True)  # a deleted webhook or a refused message
    return Outcome(status, text)


def retry_after(response: httpx.Response) -> float | None:
    """Seconds to wait, from Discord's JSON `retry_after` or a `Retry-After` header."""
    try:
        data = response.json()
        if isinstance(data, dict) and isinstance(data.get("retry_after"), int | float):
            return max(0.0, float(data["retry_after"]))
    except ValueError:
        pass
    header = response.headers.get("Retry-After", "").strip()
    if header.replace(".", "", 1).isdigit():
        return float(header)
    try:
        return max(0.0, (parsedate_to_datetime(header) - utcnow()).total_seconds())
    except (TypeError, ValueError):
        return None


def backoff(attempt: int, settings: dict, rand=random.random) -> float:
    """Seconds before try `attempt + 1`: doubling from `backoff`, half of it random (jitter)."""
    ceiling = min(settings["backoff_cap"], settings["backoff"] * 2 ** max(attempt - 1, 0))
    return ceiling / 2 + rand() * ceiling / 2


def sweep() -> int:
    """Hand every due delivery (and every one whose lease ran out) to the queue again."""
    now = utcnow()
    due = or_(
        and_(Delivery.state == PENDING, Delivery.next_attempt_at <= now),
        and_(Delivery.state == SENDING, Delivery.lease_until <= now),
    )
    limit = current_app.config["WEBHOOK_DELIVERY"]["sweep"]
    keys = list(
        db.session.scalars(
            select(Delivery.key).where(due).order_by(Delivery.next_attempt_at).limit(limit)
        )
    )
    db.session.rollback()
    for key in keys:
        queue.enqueue(key)
    if keys:
        log.info("sweep: %d deliveries handed to the queue", len(keys))
    return len(keys)


def _claim(key: str) -> str | None:
    now = utcnow()
    lease = secrets.token_hex(8)
    seconds = current_app.config["WEBHOOK_DELIVERY"]["lease"]
    result = db.session.execute(
        update(Delivery)
        .where(
            Delivery.key == key,
            or_(
                and_(Delivery.state == PENDING, Delivery.next_attempt_at <= now),
                and_(Delivery.state == SENDING, Delivery.lease_until <= now),
            ),
        )
        .values(
            state=SENDING,
            lease=lease,
            lease_until=now + timedelta(seconds=seconds),
            attempts=Delivery.attempts + 1,
        )
        .execution_options(synchronize_session=False)
    )
    db.session.commit()  # the claim stands before the POST
    return lease if result.rowcount == 1 else None


def _finish(row: Delivery, lease: str, outcome: Outcome) -> None:
    settings = current_app.config["WEBHOOK_DELIVERY"]
    now, delay = utcnow(), None
    values = {"lease": None, "lease_until": None, "last_status": outcome.status}
    if outcome.sent:
        values |= {"state": SENT, "sent_at": now, "last_error": ""}
    elif outcome.final or row.attempts >= settings["attempts"]:
        values |= {"state": FAILED, "last_error": outcome.error[:500]}
    else:
        asked = outcome.retry_after
        delay = backoff(row.attempts, settings) if asked is None else asked
        delay = min(delay, settings["backoff_cap"])
        values |= {"state": PENDING, "next_attempt_at": now + timedelta(seconds=delay)}
        values |= {"last_error": outcome.error[:500]}
    result = db.session.execute(
        update(Delivery)
        .where(Delivery.id == row.id, Delivery.lease == lease)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    if result.rowcount != 1:  # our lease ran out and another worker took the row over
        log.warning("delivery %s: lease lost before it was marked %s", row.key, values["state"])
    elif delay is not None:
        queue.enqueue(row.key, delay=delay)


def _post(url: str, body: dict, headers: dict, extensions: dict) -> httpx.Response:
    timeout = current_app.config["WEBHOOK_DELIVERY"]["timeout"]
    # No proxies from the environment: the request must reach the address that was checked.
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
        return client.post(url, json=body, headers=headers, extensions=extensions)
