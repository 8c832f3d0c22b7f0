"""Moderation's rules: admins hide, show and delete items with a reason; learners report them.

Plain functions: no request, domain errors, no commit. Each kind's own functions (kinds.py)
write the change, its event and its audit row.
"""

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from .. import audit
from ..activity.audience import Audience
from ..activity.events import record
from ..activity.verbs import Verb
from ..board.lifecycle import clean_reason
from ..errors import Conflict, Forbidden, Invalid, NotFound
from ..extensions import db
from ..limits import REPORT_NOTE_CHARS
from ..models import Report, User
from ..models.types import utcnow
from ..text import strip_controls
from .kinds import KINDS, Kind

# Why a learner reports an item: a short list, so the queue reads at a glance.
REASONS = {
    "spam": "Spam or advertising",
    "abuse": "Harassment or abuse",
    "personal": "Someone's personal information",
    "off_topic": "Off-topic or misleading",
    "other": "Something else (say what in the note)",
}
GONE = "That item is not there any more: it may have been deleted or hidden."


def find(kind_name: str, item_id: int, viewer: User | None = None) -> tuple[Kind, object]:
    """The kind and the item; NotFound unless it exists (and `viewer`, if given, may see it)."""
    kind = KINDS.get(kind_name)
    item = kind.load(item_id) if kind is not None else None
    if item is None or (viewer is not None and not kind.visible(item, viewer)):
        raise NotFound(GONE)
    return kind, item


def hide(kind_name: str, item_id: int, by: User, reason: str):
    kind, item = _moderated(kind_name, item_id, by)
    kind.hide_item(item, by, clean_reason(reason))
    return item


def unhide(kind_name: str, item_id: int, by: User):
    kind, item = _moderated(kind_name, item_id, by)
    kind.unhide_item(item, by)
    return item


def delete(kind_name: str, item_id: int, by: User, reason: str) -> None:
    kind, item = _moderated(kind_name, item_id, by)
    kind.delete_item(item, by, clean_reason(reason))


def report(kind_name: str, item_id: int, by: User, reason: str, note: str = "") -> Report:
    """`by` reports an item they can see, once; it waits in the admins' queue."""
    kind, item = find(kind_name, item_id, by)
    if kind.author_id(item) == by.id:
        raise Forbidden("This is yours: edit or delete it instead of reporting it.")
    note = strip_controls(note or "").strip()
    errors = {}
    if reason not in REASONS:
        errors["reason"] = "Choose why from the list."
    if len(note) > REPORT_NOTE_CHARS:
        errors["note"] = f"Keep the note to {REPORT_NOTE_CHARS} characters; this is {len(note):,}."
    if errors:
        raise Invalid("The report was not sent.", errors=errors)
    row = Report(kind=kind.name, item_id=item_id, reporter_id=by.id, reason=reason, note=note)
    try:
        with db.session.begin_nested():  # two reports at once: the unique constraint decides
            db.session.add(row)
    except IntegrityError:
        raise Conflict(ALREADY) from None
    return row


ALREADY = "You have reported this already. An admin will look at it."


def already_reported(kind_name: str, item_id: int, by: User) -> bool:
    query = select(Report.id).where(
        Report.kind == kind_name, Report.item_id == item_id, Report.reporter_id == by.id
    )
    return db.session.scalar(query) is not None


def dismiss(report_id: int, by: User) -> Report:
    """An admin found nothing to do: the report leaves the queue; the item stays as it is."""
    _admin(by)
    row = db.session.get(Report, report_id)
    if row is None:
        raise NotFound("There is no such report.")
    done = db.session.execute(
        update(Report)
        .where(Report.id == report_id, Report.resolved_at.is_(None))
        .values(resolved_at=utcnow(), resolution="dismissed", resolved_by_id=by.id)
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:
        raise Conflict("This report is settled already.")
    db.session.refresh(row)
    kind, item = KINDS[row.kind], KINDS[row.kind].load(row.item_id)
    if item is not None:  # a report outlives nothing it names; this is for the log's lists
        subject, detail = _subject(kind, item)
        record(Verb.REPORT_DISMISSED, actor=by, subject=subject, before=kind.name, detail=detail,
               public=False, audience=Audience())  # fmt: skip
    summary = kind.summary(item) if item is not None else ""
    audit.log(by, row.kind, row.item_id, "dismiss", reason=REASONS[row.reason], summary=summary)
    return row


def _subject(kind: Kind, item):
    return kind.subject(item) if kind.subject else (item, {})


def _moderated(kind_name: str, item_id: int, by: User):
    _admin(by)
    return find(kind_name, item_id)


def _admin(user: User) -> None:
    if not user.is_admin:
        raise Forbidden("Only admins moderate.")
