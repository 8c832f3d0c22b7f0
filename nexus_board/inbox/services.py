"""The inbox: who gets a notification, marking them read, and which kinds each learner wants.

Plain functions: no request, no commit. `notify` is called by `activity.events.record` only.
"""

from sqlalchemy import and_, exists, insert, literal, not_, select, update

from ..activity.audience import Heard, Reason, inbox_kinds, kind_of
from ..caching import changed, changed_for
from ..errors import NotFound
from ..extensions import db
from ..models import Activity, InboxSetting, Notification, User
from ..models.types import utcnow

GONE = "That notification is not in your inbox."


def notify(activity: Activity, heard: Heard) -> list[int]:
    """Write the inbox rows for `activity`; returns who got one (everyone's are not listed)."""
    muted = muted_kinds(heard.people)
    rows = []
    for person, reasons in heard.people.items():
        reason = next((r for r in reasons if kind_of(activity.verb, r) not in muted[person]), None)
        if reason is not None:
            rows.append(_row(activity, person, reason))
    if rows:
        db.session.execute(insert(Notification), rows)
        changed_for("inbox", [row["user_id"] for row in rows])
    if heard.everyone:
        _notify_everyone(activity, skip={activity.actor_id, *heard.people})
    return [row["user_id"] for row in rows]


def muted_kinds(people) -> dict[int, set[str]]:
    """The kinds each of `people` turned off in the app (one query)."""
    found = {person: set() for person in people}
    if found:
        query = select(InboxSetting.user_id, InboxSetting.kind).where(
            InboxSetting.user_id.in_(found), InboxSetting.in_app.is_(False)
        )
        for person, kind in db.session.execute(query):
            found[person].add(kind)
    return found


def _row(activity: Activity, person: int, reason: Reason) -> dict:
    return {
        "user_id": person,
        "activity_id": activity.id,
        "reason": str(reason),
        "kind": kind_of(activity.verb, reason),
        "breaking": activity.breaking,
        "created_at": activity.created_at,
    }


def _notify_everyone(activity: Activity, skip: set) -> None:
    """One INSERT … SELECT over every account that has not turned this kind off."""
    kind = kind_of(activity.verb, Reason.EVERYONE)
    muted = exists().where(
        InboxSetting.user_id == User.id, InboxSetting.kind == kind, InboxSetting.in_app.is_(False)
    )
    people = select(
        User.id,
        literal(activity.id),
        literal(str(Reason.EVERYONE)),
        literal(kind),
        literal(activity.breaking),
        literal(activity.created_at, type_=Notification.created_at.type),
    ).where(User.id.not_in([p for p in skip if p is not None]), not_(muted))
    columns = ["user_id", "activity_id", "reason", "kind", "breaking", "created_at"]
    db.session.execute(insert(Notification).from_select(columns, people))
    changed("inbox")


def get_notification(notification_id: int, user: User) -> Notification:
    """`user`'s own notification, or NotFound (another's is not there for them)."""
    row = db.session.get(Notification, notification_id)
    if row is None or row.user_id != user.id:
        raise NotFound(GONE)
    return row


def mark_read(notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = utcnow()
        db.session.flush()
        changed_for("inbox", [notification.user_id])


def mark_all_read(user: User) -> int:
    """Mark every unread notification of `user` read; returns how many were unread."""
    result = db.session.execute(
        update(Notification)
        .where(and_(Notification.user_id == user.id, Notification.read_at.is_(None)))
        .values(read_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if result.rowcount:
        changed_for("inbox", [user.id])
    return result.rowcount


def save_kinds(user: User, in_app: set[str]) -> None:
    """Keep `in_app` kinds in the app and turn the other kinds off (unknown kinds are ignored)."""
    kinds = inbox_kinds()
    current = {row.kind: row for row in db.session.scalars(_settings_of(user))}
    for kind in kinds:
        row = current.get(kind) or InboxSetting(user_id=user.id, kind=kind)
        row.in_app = kind in in_app
        db.session.add(row)
    db.session.flush()


def kinds_in_app(user: User) -> set[str]:
    muted = {row.kind for row in db.session.scalars(_settings_of(user)) if not row.in_app}
    return set(inbox_kinds()) - muted


def _settings_of(user: User):
    return select(InboxSetting).where(InboxSetting.user_id == user.id)
