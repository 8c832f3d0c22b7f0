"""What an admin can moderate and a learner can report: one entry per kind of item.

A kind says how to find an item (as a given person may see it), who wrote it, how it reads in
one line and where it lives, and how it is hidden, shown again and deleted. Hiding and deleting
write their event and their audit row inside the kind's own functions (`moderation/actions.py`
for Hideable items; the board's lifecycle and services for contracts), so a contract hidden from
its own page is audited too. A new kind is one entry in `KINDS`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from flask import url_for
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..activity.events import excerpt, withdraw, withdraw_comment
from ..board import lifecycle, policy
from ..board import services as board
from ..extensions import db
from ..models import Comment, Contract, Reply, ReviewRequest, Update, User
from ..replies import services as replies
from ..updates import services as updates
from ..updates.lookup import may_see
from . import actions


@dataclass(frozen=True)
class Kind:
    name: str  # in URLs, reports and the audit log: "update"
    label: str  # in sentences: "an update"
    load: Callable[[int], Any | None]  # the item, whoever may see it, or None
    visible: Callable[[Any, User | None], bool]  # whether this person may see (and report) it
    author_id: Callable[[Any], int]
    summary: Callable[[Any], str]  # what it is, in one line, for the queue and the audit log
    link: Callable[[Any], str]  # its page (needs a request)
    model: type | None = None  # a Hideable model (hidden, shown, deleted by `actions` by default)
    areas: tuple[str, ...] = ()  # the cache areas whose pages show it
    subject: Callable[[Any], tuple[Any, dict]] | None = None  # its events' subject and detail
    withdraw: Callable[[Any], None] | None = None  # takes its words out of earlier events
    author: str = "author"  # the model's relationship to its author (a review's "requester")
    # A kind with its own rules instead of `actions` (contracts: the board's lifecycle).
    hide: Callable[[Any, User, str], None] | None = None
    unhide: Callable[[Any, User], None] | None = None
    delete: Callable[[Any, User, str], None] | None = None

    def author_of(self, item) -> User:
        return getattr(item, self.author)

    def hide_item(self, item, by: User, reason: str) -> None:
        (self.hide or partial(actions.hide, self))(item, by, reason)

    def unhide_item(self, item, by: User) -> None:
        (self.unhide or partial(actions.unhide, self))(item, by)

    def delete_item(self, item, by: User, reason: str) -> None:
        (self.delete or partial(actions.delete, self))(item, by, reason)


def _load(model, *options):
    def load(item_id: int):
        return db.session.scalar(select(model).where(model.id == item_id).options(*options))

    return load


def _shown(item, user) -> bool:
    return item.hidden_at is None


def _comment_visible(comment: Comment, user) -> bool:
    contract = db.session.get(Contract, comment.contract_id)
    return comment.hidden_at is None and policy.may_open(user, contract)


def _contract_visible(contract: Contract, user) -> bool:
    return not contract.is_draft and contract.hidden_at is None


def _reply_visible(reply: Reply, user) -> bool:
    return reply.hidden_at is None and may_see(db.session.get(Update, reply.update_id), user)


def _delete_review(review: ReviewRequest, by: User, reason: str) -> None:
    withdraw(review)  # its title leaves the log's lists, as a deleted update's text does
    actions.delete(KINDS["review"], review, by, reason)


KINDS: dict[str, Kind] = {
    "update": Kind(
        "update", "an update",
        load=_load(Update, joinedload(Update.author)),
        visible=_shown,
        author_id=lambda u: u.author_id,
        summary=lambda u: excerpt(u.body),
        link=lambda u: url_for("updates.show", update_id=u.id),
        model=Update, areas=("updates",), subject=lambda u: (u, {}),
        delete=lambda u, by, reason: updates.delete_update(u, by, reason=reason),
    ),
    "comment": Kind(
        "comment", "a comment",
        load=_load(Comment, joinedload(Comment.author)),
        visible=_comment_visible,
        author_id=lambda c: c.author_id,
        summary=lambda c: excerpt(c.body),
        link=lambda c: url_for("board.show", contract_id=c.contract_id, _anchor=f"comment-{c.id}"),
        model=Comment, areas=("board",),
        subject=lambda c: (db.session.get(Contract, c.contract_id), {"comment_id": c.id}),
        withdraw=lambda c: withdraw_comment(c.contract_id, c.id),
    ),
    "reply": Kind(
        "reply", "a reply",
        load=_load(Reply, joinedload(Reply.author)),
        visible=_reply_visible,
        author_id=lambda r: r.author_id,
        summary=lambda r: excerpt(r.body),
        link=lambda r: url_for("updates.show", update_id=r.update_id, _anchor=f"reply-{r.id}"),
        # Profiles count accepted answers.
        model=Reply, areas=("updates", "profiles"),
        subject=lambda r: (db.session.get(Update, r.update_id), {"reply_id": r.id}),
        withdraw=replies.withdraw_reply,
    ),
    "review": Kind(
        "review", "a review request",
        load=_load(ReviewRequest, joinedload(ReviewRequest.requester)),
        visible=_shown,
        author_id=lambda r: r.requester_id,
        summary=lambda r: r.title,
        link=lambda r: url_for("reviews.show", review_id=r.id),
        model=ReviewRequest, areas=("reviews",), subject=lambda r: (r, {}),
        author="requester", delete=_delete_review,
    ),
    "contract": Kind(
        "contract", "a contract",
        load=_load(Contract, joinedload(Contract.author)), model=Contract,
        visible=_contract_visible,
        author_id=lambda c: c.author_id,
        summary=lambda c: c.endpoint,
        link=lambda c: url_for("board.show", contract_id=c.id),
        hide=lambda c, by, reason: lifecycle.hide(c.id, by, reason),
        unhide=lambda c, by: lifecycle.unhide(c.id, by),
        delete=lambda c, by, reason: board.delete_contract(c, by, reason=reason),
    ),
}  # fmt: skip
NAMES = tuple(KINDS)  # the URL converter: any(update, comment, reply, review, contract)


def kind_of(item) -> Kind:
    """The kind of a moderatable item."""
    return KINDS[ITEM_KINDS[type(item)]]


ITEM_KINDS = {kind.model: name for name, kind in KINDS.items()}
