"""Who hears what, as one table: each action done through the real services, and whose inbox
it reaches. The expectations are the issue's, written out here, not read from audience.py.

The cast: ada posted the contract, gabriel holds it (once claimed), brian is @mentioned where
a row mentions someone, hana stands by, mentor is an admin.
"""

import pytest
from sqlalchemy import select

from nexus_board.activity.audience import HEARS
from nexus_board.board import lifecycle, services
from nexus_board.board.policy import Action
from nexus_board.extensions import db
from nexus_board.models import Activity, Contract, Notification, Project, User
from nexus_board.moderation import services as moderation
from nexus_board.profiles import readme_import
from nexus_board.replies import services as replies
from nexus_board.reviews import lifecycle as lifecycle_of_reviews
from nexus_board.reviews.policy import Action as ReviewAction
from nexus_board.teams import services as teams
from nexus_board.updates.services import post_update, set_pinned
from nexus_board.verify.checks import Result
from nexus_board.verify.services import record_results

from ..board.factories import broken, draft, post
from ..reviews.factories import ask as ask_for_review

EVERYONE = {"ada", "brian", "gabriel", "hana", "mentor"}


def user(name: str) -> User:
    return db.session.scalar(select(User).where(User.username == name))


def contract(cast, state="claimed") -> Contract:
    claimer = cast["gabriel"] if state != "open" else None
    return db.session.get(Contract, post(cast["ada"], state=state, claimer_id=claimer))


def edit(cast, breaking: bool):
    row = contract(cast)
    path = "/api/v1/items/{id}" if breaking else row.path
    services.update_contract(row, draft(path=path, summary="Changed"), user("ada"),
                             expected_version=row.version)  # fmt: skip


def verify(cast, passed: bool):
    row = contract(cast)
    result = Result(row, "GET /x", 200, 200 if passed else 500, passed, "" if passed else "500")
    record_results([result], "http://127.0.0.1:8000", project_id=row.project_id)


def hidden(cast) -> int:
    """ada's broken contract, claimed by gabriel, hidden by mentor."""
    contract_id = broken(cast["ada"])
    lifecycle.claim(contract_id, user("gabriel"))
    lifecycle.hide(contract_id, user("mentor"), "Examples too deep to document")
    return contract_id


def shown(cast):
    contract_id = hidden(cast)
    db.session.commit()
    db.session.execute(db.delete(Notification))  # only what showing it causes counts
    lifecycle.unhide(contract_id, user("mentor"))


def moderated_update(cast, then: str = "hide"):
    """hana's update mentioning @brian, hidden by mentor (then shown again or deleted)."""
    update = post_update(user("hana"), "Buy followers at example.com, ask @brian")
    moderation.hide("update", update.id, user("mentor"), "Spam")
    if then != "hide":
        db.session.commit()
        db.session.execute(db.delete(Notification))
        if then == "unhide":
            moderation.unhide("update", update.id, user("mentor"))
        else:
            moderation.delete("update", update.id, user("mentor"), "Spam, again")


def comment_on(cast, action: str):
    """hana's comment on ada's contract (claimed by gabriel), moderated by mentor."""
    comment = services.add_comment(contract(cast), user("hana"), "Off-topic @brian")
    db.session.commit()
    db.session.execute(db.delete(Notification))
    getattr(moderation, action)("comment", comment.id, user("mentor"), "Off-topic")


def dismissed(cast):
    update = post_update(user("hana"), "A fine update")
    report = moderation.report("update", update.id, user("brian"), "spam")
    moderation.dismiss(report.id, user("mentor"))


def readme(cast):
    ada = user("ada")
    pending = readme_import.start_import(ada, "## Overview\n\nHello.\n")
    db.session.flush()
    readme_import.confirm_import(ada, pending)


def question(cast, answered: bool = False):
    """hana asks; ada replies (mentioning @brian); hana accepts it when `answered`."""
    asked = post_update(user("hana"), "How do I page a list?", question=True)
    made = replies.add_reply(asked, user("ada"), "Ask @brian too")
    if answered:
        db.session.commit()
        db.session.execute(db.delete(Notification))  # only what accepting causes counts
        replies.accept(made, user("hana"))


def review(cast, *moves: str):
    """ada asks for a review; brian makes the moves (ada the thanks and the reopening)."""
    review_id = ask_for_review(cast["ada"])
    for move in moves:
        mover = user("ada") if move in ("thank", "reopen") else user("brian")
        if move == "thank":
            lifecycle_of_reviews.move(review_id, user("brian"), ReviewAction.FINISH, "Done")
        lifecycle_of_reviews.move(review_id, mover, ReviewAction(move), "Some text")


def team(cast, accepted: bool = False):
    """gabriel asks to join ada's project; ada accepts when `accepted`."""
    contract(cast, "open")
    project = db.session.scalar(select(Project))
    teams.ask_to_join(project, user("gabriel"))
    if accepted:
        teams.accept(project, cast["gabriel"], user("ada"))


def agreement(cast):
    contract(cast, "open")
    teams.edit_agreement(db.session.scalar(select(Project)), user("ada"), "Channel: #shop", 0)


# (verb, what happens) -> who hears of it
# fmt: off
TABLE = {
    "contract.posted":      (lambda c: contract(c, "open"), set()),
    "contract.claimed":     (lambda c: contract(c, "claimed"), {"ada"}),
    "contract.unclaimed":   (lambda c: lifecycle.unclaim(contract(c).id, user("gabriel")), {"ada"}),
    "contract.moved":       (lambda c: lifecycle.move(contract(c).id, user("gabriel"), Action.START), {"ada"}),
    "contract.implemented": (lambda c: lifecycle.implement(contract(c).id, user("ada")), set()),
    "contract.edited":      (lambda c: edit(c, breaking=False), {"gabriel"}),
    "contract.edited breaking": (lambda c: edit(c, breaking=True), {"gabriel"}),
    "contract.commented":   (lambda c: services.add_comment(contract(c), user("hana"), "Hi @brian"), {"ada", "gabriel", "brian"}),
    "contract.commented by its author": (lambda c: services.add_comment(contract(c), user("ada"), "Done"), {"gabriel"}),
    "contract.deleted":     (lambda c: services.delete_contract(contract(c), user("mentor")), {"gabriel"}),
    "contract.hidden":      (hidden, {"ada", "gabriel"}),
    "contract.shown":       (shown, {"ada", "gabriel"}),
    "update.posted":        (lambda c: post_update(user("hana"), "Ask @brian and @hana"), {"brian"}),
    "announcement.pinned":  (lambda c: post_update(user("mentor"), "Demo day #soon", announcement=True), EVERYONE - {"mentor"}),
    "announcement.pinned again": (lambda c: set_pinned(_unpinned(), True, user("mentor")), EVERYONE - {"mentor"}),
    "profile.imported":     (readme, set()),
    "verify.passed":        (lambda c: verify(c, True), set()),
    "verify.failed":        (lambda c: verify(c, False), {"ada"}),
    "question.asked":       (lambda c: post_update(user("hana"), "Who knows @brian?", question=True), {"brian"}),
    "update.replied":       (question, {"hana", "brian"}),
    "answer.accepted":      (lambda c: question(c, answered=True), {"ada"}),
    "review.requested":     (lambda c: review(c), set()),
    "review.claimed":       (lambda c: review(c, "claim"), {"ada"}),
    "review.unclaimed":     (lambda c: review(c, "claim", "unclaim"), {"ada"}),
    "review.done":          (lambda c: review(c, "claim", "finish"), {"ada"}),
    "review.thanked":       (lambda c: review(c, "claim", "thank"), {"brian"}),
    "review.reopened":      (lambda c: review(c, "claim", "finish", "reopen"), {"brian"}),
    "project.join_asked":   (team, set()),
    "project.joined":       (lambda c: team(c, accepted=True), {"gabriel"}),
    "agreement.edited":     (agreement, set()),
    # Moderation: the item's author hears, never the people it mentions nor the contract's
    "moderation.hidden":    (moderated_update, {"hana"}),
    "moderation.hidden a comment": (lambda c: comment_on(c, "hide"), {"hana"}),
    "moderation.shown":     (lambda c: moderated_update(c, "unhide"), {"hana"}),
    "moderation.removed":   (lambda c: moderated_update(c, "delete"), {"hana"}),
    "moderation.removed a comment": (lambda c: comment_on(c, "delete"), {"hana"}),
    "moderation.removed a contract": (lambda c: moderation.delete("contract", contract(c).id, user("mentor"), "Duplicate"), {"ada", "gabriel"}),
    "moderation.dismissed": (dismissed, set()),
}
# fmt: on


def _unpinned():
    announcement = post_update(user("mentor"), "Old news", announcement=True)
    set_pinned(announcement, False, user("mentor"))
    db.session.commit()
    db.session.execute(db.delete(Notification))  # only what the pin itself causes counts
    return announcement


def test_the_table_names_every_verb():
    assert {key.split(" ")[0] for key in TABLE} == {str(verb) for verb in HEARS}


@pytest.mark.parametrize("key", sorted(TABLE))
def test_who_hears_what(app, cast, key):
    action, heard = TABLE[key]
    verb = key.split(" ")[0]
    with app.app_context():
        action(cast)
        db.session.commit()
        event = db.session.scalar(
            select(Activity).where(Activity.verb == verb).order_by(Activity.id.desc())
        )
        assert event is not None, f"{key} recorded nothing"
        told = db.session.scalars(
            select(User.username).join(Notification, Notification.user_id == User.id)
            .where(Notification.activity_id == event.id)
        )  # fmt: skip
        assert set(told) == heard
        assert event.breaking is key.endswith("breaking")
        assert db.session.scalar(select(db.func.count()).select_from(Activity).where(
            Activity.verb == verb, Activity.id > event.id)) == 0  # fmt: skip
