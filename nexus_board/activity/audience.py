"""Who hears of what: one table, read by `events.record`, the Settings page and a table test.

A person hears of an event for the first reason (in COLUMNS order) that applies to them and
whose kind they have not turned off. Nobody hears of their own actions.
"""

import enum
from dataclasses import dataclass, field

from .verbs import MENTION, Verb


class Reason(enum.StrEnum):
    MENTIONED = "mentioned"  # @username in a comment or an update
    CLAIMER = "claimer"  # holds the contract
    AUTHOR = "author"  # posted the contract (or the update or comment moderated)
    EVERYONE = "everyone"  # every account

    @property
    def because(self) -> str:
        return {
            "mentioned": "You were mentioned.",
            "claimer": "You hold this contract.",
            "author": "You posted it.",
            "everyone": "Everyone hears of this.",
        }[self.value]

    def because_of(self, verb: str) -> str:
        """Why someone hears of `verb`, in the words of what it is about."""
        return BECAUSE.get((verb.split(".")[0], self.value), self.because)


# Where "author" and "claimer" mean the asker, the requester, the reviewer (by verb prefix).
BECAUSE = {
    ("question", "author"): "You asked this question.",
    ("update", "author"): "You posted this update.",
    ("answer", "author"): "You wrote this answer.",
    ("review", "author"): "You asked for this review.",
    ("review", "claimer"): "You are the reviewer.",
    ("project", "author"): "You asked to join this project.",
}


COLUMNS = (Reason.MENTIONED, Reason.CLAIMER, Reason.AUTHOR, Reason.EVERYONE)
Y, _ = True, False
# fmt: off
HEARS: dict[Verb, tuple[bool, bool, bool, bool]] = {
    #                           mentioned claimer author everyone
    Verb.CONTRACT_POSTED:      (_,        _,      _,     _),
    Verb.CONTRACT_EDITED:      (_,        Y,      _,     _),  # breaking ones listed first
    Verb.CONTRACT_CLAIMED:     (_,        _,      Y,     _),
    Verb.CONTRACT_UNCLAIMED:   (_,        _,      Y,     _),
    Verb.CONTRACT_MOVED:       (_,        _,      Y,     _),
    Verb.CONTRACT_IMPLEMENTED: (_,        _,      _,     _),
    Verb.CONTRACT_COMMENTED:   (Y,        Y,      Y,     _),
    Verb.CONTRACT_DELETED:     (_,        Y,      _,     _),
    Verb.CONTRACT_HIDDEN:      (_,        Y,      Y,     _),  # so they know what to fix
    Verb.CONTRACT_SHOWN:       (_,        Y,      Y,     _),
    Verb.UPDATE_POSTED:        (Y,        _,      _,     _),
    Verb.ANNOUNCEMENT_PINNED:  (Y,        _,      _,     Y),
    Verb.PROFILE_IMPORTED:     (_,        _,      _,     _),
    Verb.VERIFY_PASSED:        (_,        _,      _,     _),
    Verb.VERIFY_FAILED:        (_,        _,      Y,     _),
    # Questions: the asker is the update's author; an answer's author, of its acceptance.
    Verb.QUESTION_ASKED:       (Y,        _,      _,     _),
    Verb.UPDATE_REPLIED:       (Y,        _,      Y,     _),
    Verb.ANSWER_ACCEPTED:      (_,        _,      Y,     _),
    # Reviews: the requester is the author, the reviewer holds it like a claimer.
    Verb.REVIEW_REQUESTED:     (_,        _,      _,     _),
    Verb.REVIEW_CLAIMED:       (_,        _,      Y,     _),
    Verb.REVIEW_UNCLAIMED:     (_,        _,      Y,     _),
    Verb.REVIEW_DONE:          (_,        _,      Y,     _),
    Verb.REVIEW_THANKED:       (_,        Y,      _,     _),
    Verb.REVIEW_REOPENED:      (_,        Y,      _,     _),
    # Projects: the one who asked (the author of the request) hears they are in.
    Verb.PROJECT_JOIN_ASKED:   (_,        _,      _,     _),
    Verb.PROJECT_JOINED:       (_,        _,      Y,     _),
    Verb.AGREEMENT_EDITED:     (_,        _,      _,     _),
    # Moderation: the item's author (and a contract's claimer); never anyone else.
    Verb.MODERATION_HIDDEN:    (_,        Y,      Y,     _),
    Verb.MODERATION_SHOWN:     (_,        Y,      Y,     _),
    Verb.MODERATION_REMOVED:   (_,        Y,      Y,     _),
    Verb.REPORT_DISMISSED:     (_,        _,      _,     _),
}
# fmt: on


@dataclass(frozen=True)
class Audience:
    """The people an event concerns, by user id."""

    author: int | None = None
    claimer: int | None = None
    mentioned: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def of(cls, contract, mentioned=()) -> "Audience":
        """A contract's author and claimer (as they are now), and anyone `mentioned`."""
        return cls(contract.author_id, contract.claimer_id, frozenset(mentioned))


@dataclass(frozen=True)
class Heard:
    """Who hears of one event: each person with their reasons in order, and whether everyone."""

    people: dict[int, tuple[Reason, ...]]
    everyone: bool


def reasons(verb: str) -> tuple[Reason, ...]:
    row = HEARS.get(verb, (_, _, _, _))
    return tuple(reason for reason, hears in zip(COLUMNS, row, strict=True) if hears)


def listeners(verb: str, audience: Audience, actor_id: int | None) -> Heard:
    """Who hears of `verb` done by `actor_id` to what `audience` describes."""
    applies = reasons(verb)
    found: dict[int, list[Reason]] = {}
    candidates = {
        Reason.MENTIONED: audience.mentioned,
        Reason.CLAIMER: {audience.claimer} - {None},
        Reason.AUTHOR: {audience.author} - {None},
    }
    for reason in applies:
        for person in sorted(candidates.get(reason, ())):
            if person != actor_id:
                found.setdefault(person, []).append(reason)
    people = {person: tuple(found[person]) for person in found}
    return Heard(people=people, everyone=Reason.EVERYONE in applies)


def kind_of(verb: str, reason: Reason) -> str:
    """The Settings switch a notification answers to: mentions have their own."""
    return MENTION if reason is Reason.MENTIONED else verb


def inbox_kinds() -> list[str]:
    """Every kind someone can hear, in table order, mentions last: the Settings rows."""
    heard = [verb.value for verb in HEARS if any(r is not Reason.MENTIONED for r in reasons(verb))]
    return [*heard, MENTION]
