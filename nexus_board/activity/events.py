"""The one function every service calls to say something happened: `record`.

It runs inside the service's transaction and commits nothing. In that one transaction it writes
the activity row, an inbox row for each person who hears of it (audience.py), and an outbox row
for each webhook that takes it; so a committed change always has its notifications and a
rolled-back one never does. It marks the cache areas it changes.
"""

import textwrap

from sqlalchemy import select
from sqlalchemy import update as sa_update

from ..caching import changed
from ..extensions import db
from ..limits import EXCERPT_CHARS
from ..models import Activity, Contract, Project, ReviewRequest, Update, User
from ..text import strip_controls
from .audience import Audience, listeners
from .verbs import Verb

PROFILE = "their profile"
WITHDRAWN = "(an update since deleted)"
WITHDRAWN_REVIEW = "(a review request since deleted)"


def record(
    verb: Verb,
    *,
    actor: User | None,
    subject: Contract | Update | User | ReviewRequest | Project,
    project: Project | None = None,
    before: str | None = None,
    after: str | None = None,
    breaking: bool = False,
    detail: dict | None = None,
    public: bool = True,
    audience: Audience | None = None,
) -> Activity:
    """Record `actor` doing `verb` to `subject` (from `before` to `after`) and tell who hears.

    `audience` defaults to a contract's author and claimer as they are now; pass one to name
    people mentioned, or a claimer the change just removed.
    """
    from ..inbox.services import notify  # the inbox and the outbox read what this writes
    from ..webhooks.outbox import write_deliveries

    if isinstance(subject, Contract) and subject.hidden_at is not None:
        public = False  # a hidden contract has left the public's views, its events with it
    activity = Activity(
        verb=str(verb),
        actor_id=actor.id if actor is not None else None,
        before=_short(before),
        after=_short(after),
        breaking=breaking,
        detail=detail or {},
        public=public,
        **_subject(subject, project),
    )
    db.session.add(activity)
    db.session.flush()
    if audience is None:
        audience = Audience.of(subject) if isinstance(subject, Contract) else Audience()
    heard = listeners(activity.verb, audience, activity.actor_id)
    notify(activity, heard)
    write_deliveries(activity, heard)
    # A contract's page shows its activity; the hub and /activity show everyone's.
    changed("activity", *(["board"] if activity.contract_id else []))
    return activity


def withdraw(item: Update | ReviewRequest) -> None:
    """A deleted update or review request leaves the log's public lists, and its words leave
    the log.

    (A deleted contract is different: its page, history and activity stay, as the board's record.)
    """
    update = isinstance(item, Update)
    subject_type, gone = ("update", WITHDRAWN) if update else ("review", WITHDRAWN_REVIEW)
    db.session.execute(
        sa_update(Activity)
        .where(Activity.subject_type == subject_type, Activity.subject_id == item.id)
        .values(subject=gone, subject_id=None, public=False, detail={})
        .execution_options(synchronize_session=False)
    )
    changed("activity")


def withdraw_comment(contract_id: int, comment_id: int) -> None:
    """A comment a moderator hid or deleted takes its words out of the log; the event stays."""
    rows = db.session.scalars(
        select(Activity).where(
            Activity.contract_id == contract_id, Activity.verb == str(Verb.CONTRACT_COMMENTED)
        )
    )
    for row in rows:  # one contract's comments: JSON is read here, not in portable SQL
        if (row.detail or {}).get("comment_id") == comment_id:
            row.detail = {"comment_id": comment_id}
    changed("activity", "board")


def excerpt(text: str) -> str:
    """The start of a comment or an update, on one line, to keep with its event."""
    flat = " ".join(strip_controls(text or "").split())
    return textwrap.shorten(flat, width=EXCERPT_CHARS, placeholder="…") or flat[:EXCERPT_CHARS]


def _subject(subject, project: Project | None) -> dict:
    if isinstance(subject, Contract):
        project = project or subject.project
        values = {"subject_type": "contract", "subject": subject.endpoint}
        values |= {"subject_id": subject.id, "contract_id": subject.id}
    elif isinstance(subject, Update):
        values = {"subject_type": "update", "subject_id": subject.id}
        values |= {"subject": excerpt(subject.body) or "(no text)", "contract_id": None}
    elif isinstance(subject, ReviewRequest):
        values = {"subject_type": "review", "subject_id": subject.id, "subject": subject.title}
        values |= {"contract_id": None}
    elif isinstance(subject, Project):
        project = subject
        values = {"subject_type": "project", "subject_id": subject.id, "subject": subject.name}
        values |= {"contract_id": None}
    elif isinstance(subject, User):
        values = {"subject_type": "profile", "subject_id": subject.id, "subject": PROFILE}
        values |= {"contract_id": None}
    else:
        raise TypeError(f"no activity subject: {subject!r}")
    return values | {"project_id": project.id if project is not None else None}


def _short(value: str | None) -> str | None:
    return None if value is None else str(value)[:200]


def mentioned_in(text: str) -> frozenset[int]:
    """The ids of the accounts `text` @mentions (outside code and links)."""
    from ..updates.text import scan

    usernames = scan(text or "").usernames
    if not usernames:
        return frozenset()
    return frozenset(db.session.scalars(select(User.id).where(User.username.in_(usernames))))
