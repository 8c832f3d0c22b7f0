"""Setting up webhooks (cohort, project, a learner's own), test messages and retries.

Plain functions: no request, no commit; they raise domain errors. Who may manage which webhook
is `may_manage` (admins the cohort's, a project's contributors the project's, a learner their own).
"""

from flask import current_app
from sqlalchemy import func, or_, select, update

from ..activity.audience import inbox_kinds
from ..activity.verbs import Verb
from ..errors import Conflict, Forbidden, Invalid
from ..extensions import db
from ..limits import WEBHOOK_NAME_CHARS, WEBHOOKS_PER_OWNER
from ..models import Contract, Delivery, DeliveryState, Format, Project, Scope, User, Webhook
from ..models.types import utcnow
from ..text import strip_controls, visible
from . import outbox, queue
from .urls import NOT_SAVED, check_url

PERSONAL_NAME = "My webhook"
CHANNEL_KINDS = [verb.value for verb in Verb]


def add_webhook(
    creator: User,
    *,
    name: str,
    url: str,
    format: str,
    kinds,
    project: Project | None = None,
) -> Webhook:
    """A cohort webhook (admins; `project` None) or a project's (its contributors)."""
    scope = Scope.PROJECT if project is not None else Scope.COHORT
    if not may_manage(creator, scope, project):
        raise Forbidden(_who_may(scope))
    clean = _checked(name=name, url=url, format=format, kinds=kinds, allowed=CHANNEL_KINDS,
                     learner=not creator.is_admin)  # fmt: skip
    siblings = select(func.count()).select_from(Webhook).where(Webhook.scope == scope)
    if project is not None:
        siblings = siblings.where(Webhook.project_id == project.id)
    if db.session.scalar(siblings) >= WEBHOOKS_PER_OWNER:
        raise Conflict(f"There are already {WEBHOOKS_PER_OWNER} webhooks here: remove one first.")
    hook = Webhook(scope=scope, project=project, created_by=creator, **clean)
    db.session.add(hook)
    db.session.flush()
    return hook


def set_own_webhook(user: User, *, url: str, format: str, kinds) -> Webhook | None:
    """A learner's own webhook for what their inbox hears; an empty URL keeps the one saved."""
    hook = own_webhook(user)
    url = (url or "").strip() or (hook.url if hook else "")
    if not url:
        return None
    clean = _checked(name=PERSONAL_NAME, url=url, format=format, kinds=kinds,
                     allowed=inbox_kinds(), learner=True)  # fmt: skip
    hook = hook or Webhook(scope=Scope.PERSONAL, person_id=user.id, created_by=user)
    for field, value in clean.items():
        setattr(hook, field, value)
    db.session.add(hook)
    db.session.flush()
    return hook


def own_webhook(user: User) -> Webhook | None:
    return db.session.scalar(select(Webhook).where(Webhook.person_id == user.id))


def delete_webhook(hook: Webhook, user: User) -> None:
    _check_manager(user, hook)
    db.session.delete(hook)
    db.session.flush()


def send_test(hook: Webhook, user: User) -> None:
    """Queue a test message for `hook` (it is sent by the worker, never from here)."""
    _check_manager(user, hook)
    outbox.write_test(hook)


def retry(delivery: Delivery, user: User) -> None:
    """Try a failed delivery again from its first try (admins)."""
    if not user.is_admin:
        raise Forbidden("Only admins can retry deliveries.")
    result = db.session.execute(
        update(Delivery)
        .where(Delivery.id == delivery.id, Delivery.state == DeliveryState.FAILED)
        .values(state=DeliveryState.PENDING, attempts=0, next_attempt_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise Conflict("This delivery is not failed any more: someone retried it already.")
    queue.after_commit([delivery.key])


def may_manage(user: User, scope: Scope, project: Project | None = None, person=None) -> bool:
    """Admins the cohort's webhooks and any project's; contributors their project's."""
    if scope is Scope.PERSONAL:
        return person == user.id
    if user.is_admin:
        return True
    return scope is Scope.PROJECT and project is not None and contributes(user, project)


def contributes(user: User, project: Project) -> bool:
    """Posted or holds a contract of `project`."""
    query = select(Contract.id).where(
        Contract.project_id == project.id,
        or_(Contract.author_id == user.id, Contract.claimer_id == user.id),
    )
    return db.session.scalar(query.limit(1)) is not None


def _check_manager(user: User, hook: Webhook) -> None:
    if not may_manage(user, hook.scope, hook.project, hook.person_id):
        raise Forbidden(_who_may(hook.scope))


def _who_may(scope: Scope) -> str:
    return {
        Scope.COHORT: "Only admins can set up the cohort's webhooks.",
        Scope.PROJECT: "Only the project's contributors (or an admin) can set up its webhooks.",
        Scope.PERSONAL: "This is another learner's webhook.",
    }[scope]


def _checked(*, name, url, format, kinds, allowed, learner: bool) -> dict:
    config = current_app.config
    errors = {}
    name = " ".join(strip_controls(name or "").split())
    if not visible(name):
        errors["name"] = "Name it, like “#project-nexus on Discord”."
    elif len(name) > WEBHOOK_NAME_CHARS:
        errors["name"] = f"Keep the name to {WEBHOOK_NAME_CHARS} characters."
    try:
        url = check_url(url, hosts=config["WEBHOOK_HOSTS"], learner=learner,
                        allow_loopback=config["WEBHOOK_ALLOW_LOOPBACK"])  # fmt: skip
    except Invalid as error:
        errors.update(error.errors)
    if format not in {f.value for f in Format}:
        errors["format"] = "Choose Discord or Slack."
    chosen = [kind for kind in allowed if kind in set(kinds or ())]
    if not chosen:
        errors["kinds"] = "Choose at least one kind of event to send."
    if errors:
        raise Invalid(NOT_SAVED, errors=errors)
    return {"name": name, "url": url, "format": Format(format), "kinds": chosen}
