"""Every kind of event, and how each is told: one table read by pages, feeds and webhooks.

A sentence is "<actor> <phrase> <subject> <tail>"; `{before}` and `{after}` in the tail are the
event's from → to. A new feature adds its verbs here (and, if anyone hears them, to audience.py).
"""

import enum
from dataclasses import dataclass


class Verb(enum.StrEnum):
    CONTRACT_POSTED = "contract.posted"
    CONTRACT_EDITED = "contract.edited"
    CONTRACT_CLAIMED = "contract.claimed"
    CONTRACT_UNCLAIMED = "contract.unclaimed"
    CONTRACT_MOVED = "contract.moved"
    CONTRACT_IMPLEMENTED = "contract.implemented"
    CONTRACT_COMMENTED = "contract.commented"
    CONTRACT_DELETED = "contract.deleted"
    CONTRACT_HIDDEN = "contract.hidden"
    CONTRACT_SHOWN = "contract.shown"
    UPDATE_POSTED = "update.posted"
    ANNOUNCEMENT_PINNED = "announcement.pinned"
    PROFILE_IMPORTED = "profile.imported"
    VERIFY_PASSED = "verify.passed"
    VERIFY_FAILED = "verify.failed"
    QUESTION_ASKED = "question.asked"
    UPDATE_REPLIED = "update.replied"
    ANSWER_ACCEPTED = "answer.accepted"
    REVIEW_REQUESTED = "review.requested"
    REVIEW_CLAIMED = "review.claimed"
    REVIEW_UNCLAIMED = "review.unclaimed"
    REVIEW_DONE = "review.done"
    REVIEW_THANKED = "review.thanked"
    REVIEW_REOPENED = "review.reopened"
    PROJECT_JOIN_ASKED = "project.join_asked"
    PROJECT_JOINED = "project.joined"
    AGREEMENT_EDITED = "agreement.edited"
    # An admin's moderation of any kind of item (moderation/kinds.py); `before` names the kind.
    MODERATION_HIDDEN = "moderation.hidden"
    MODERATION_SHOWN = "moderation.shown"
    MODERATION_REMOVED = "moderation.removed"
    REPORT_DISMISSED = "moderation.dismissed"


@dataclass(frozen=True)
class Wording:
    label: str  # the kind, in filters and settings: "Claims"
    phrase: str  # before the subject: "claimed"
    tail: str = ""  # after it: "from {before} to {after}"
    nobody: str = "Someone"  # the actor when no person did it (or their account is gone)


VERIFIED = "on a running backend: "
# fmt: off
WORDING: dict[Verb, Wording] = {
    Verb.CONTRACT_POSTED:      Wording("Contracts posted", "posted"),
    Verb.CONTRACT_EDITED:      Wording("Contract edits", "edited", "(version {after})"),
    Verb.CONTRACT_CLAIMED:     Wording("Claims", "claimed"),
    Verb.CONTRACT_UNCLAIMED:   Wording("Unclaims", "gave back", "(it is open again)"),
    Verb.CONTRACT_MOVED:       Wording("Moves", "moved", "from {before} to {after}"),
    Verb.CONTRACT_IMPLEMENTED: Wording("Marked implemented", "marked", "implemented"),
    Verb.CONTRACT_COMMENTED:   Wording("Comments", "commented on"),
    Verb.CONTRACT_DELETED:     Wording("Deletions", "deleted"),
    Verb.CONTRACT_HIDDEN:      Wording("Contracts hidden", "hid", "({after})"),
    Verb.CONTRACT_SHOWN:       Wording("Contracts shown again", "showed", "again"),
    Verb.UPDATE_POSTED:        Wording("Updates", "posted an update:"),
    Verb.ANNOUNCEMENT_PINNED:  Wording("Announcements", "pinned an announcement:"),
    Verb.PROFILE_IMPORTED:     Wording("Profile imports", "imported a README into"),
    Verb.VERIFY_PASSED:        Wording("Verify passes", "checked", VERIFIED + "passed", "Verify"),
    Verb.VERIFY_FAILED:        Wording("Verify failures", "checked", VERIFIED + "failed ({after})",
                                       "Verify"),
    Verb.QUESTION_ASKED:       Wording("Questions", "asked a question:"),
    Verb.UPDATE_REPLIED:       Wording("Replies", "replied to"),
    Verb.ANSWER_ACCEPTED:      Wording("Accepted answers", "accepted an answer to"),
    Verb.REVIEW_REQUESTED:     Wording("Review requests", "asked for a code review:"),
    Verb.REVIEW_CLAIMED:       Wording("Reviews claimed", "claimed the review"),
    Verb.REVIEW_UNCLAIMED:     Wording("Reviews given back", "gave back the review",
                                       "(it is open again)"),
    Verb.REVIEW_DONE:          Wording("Reviews done", "reviewed"),
    Verb.REVIEW_THANKED:       Wording("Thanks for reviews", "thanked for the review"),
    Verb.REVIEW_REOPENED:      Wording("Reviews reopened", "reopened the review",
                                       "with a follow-up"),
    Verb.PROJECT_JOIN_ASKED:   Wording("Join requests", "asked to join"),
    Verb.PROJECT_JOINED:       Wording("Members accepted", "accepted", "into the team: {after}"),
    Verb.AGREEMENT_EDITED:     Wording("Working agreements", "edited the working agreement of",
                                       "(version {after})"),
    Verb.MODERATION_HIDDEN:    Wording("Hidden by a moderator", "hid", "({before}: {after})"),
    Verb.MODERATION_SHOWN:     Wording("Shown again by a moderator", "showed", "again ({before})"),
    Verb.MODERATION_REMOVED:   Wording("Removed by a moderator", "removed", "({before}: {after})"),
    Verb.REPORT_DISMISSED:     Wording("Reports dismissed", "dismissed a report on", "({before})"),
}
# fmt: on
MENTION = "mention"  # an inbox kind of its own: mentions are heard whatever the verb
KIND_LABELS = {**{verb.value: w.label for verb, w in WORDING.items()}, MENTION: "Mentions of you"}


def wording(verb: str) -> Wording:
    """How `verb` is told; a verb this build does not know reads plainly."""
    try:
        return WORDING[Verb(verb)]
    except ValueError:
        return Wording(verb, verb.replace(".", " ").replace("_", " "))


def tail(verb: str, before: str | None, after: str | None) -> str:
    return wording(verb).tail.format(before=before or "–", after=after or "–")


@dataclass(frozen=True)
class Told:
    """An event as words: "<actor> <phrase> <subject> <tail>", each part plain text."""

    actor: str
    phrase: str
    subject: str
    tail: str

    @property
    def sentence(self) -> str:
        return " ".join(part for part in (self.actor, self.phrase, self.subject, self.tail) if part)


def told(activity) -> Told:
    """How `activity` (an Activity, its actor loaded) reads."""
    words = wording(activity.verb)
    actor = activity.actor.display_name if activity.actor is not None else words.nobody
    ends = tail(activity.verb, activity.before, activity.after)
    return Told(actor, words.phrase, activity.subject, ends)
