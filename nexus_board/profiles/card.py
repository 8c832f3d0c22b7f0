"""The README card: a learner's public profile in a small SVG, for their GitHub README.

Only what their public profile and the board already show: display name, username, track,
their first technologies and their contract numbers. Text is escaped by the template and
stripped of characters XML cannot hold, so any name makes a valid SVG.
"""

import re
from dataclasses import dataclass

from ..board import queries as board_queries
from ..models import User
from . import queries

TECHNOLOGIES = 5
NAME_CHARS = 28
CHIP_CHARS = 18
CHIP_ROOM = 447  # the width chips may take, in the card's units
# XML 1.0 cannot hold C0 controls (but tab and line breaks), lone surrogates, U+FFFE or U+FFFF.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
THEMES = {
    "light": {"bg": "#ffffff", "border": "#d0d7de", "text": "#1f2328", "muted": "#59636e",
              "chip": "#ddf4ff", "chip_text": "#0550ae", "accent": "#1f56d6"},
    "dark": {"bg": "#0d1117", "border": "#30363d", "text": "#e6edf3", "muted": "#9198a1",
             "chip": "#121d2f", "chip_text": "#79c0ff", "accent": "#4493f8"},
}  # fmt: skip


@dataclass(frozen=True)
class Chip:
    text: str
    x: float
    width: float


@dataclass(frozen=True)
class Card:
    name: str
    username: str
    track: str
    technologies: tuple[Chip, ...]
    posted: int
    claimed: int
    done: int

    def description(self) -> str:
        """The card in one sentence: its <title>, for screen readers."""
        learned = (
            f" Technologies: {', '.join(c.text for c in self.technologies)}."
            if self.technologies
            else ""
        )
        return (
            f"{self.name} (@{self.username}), {self.track} learner on Nexus Board.{learned} "
            f"Contracts: {self.posted} posted, {self.claimed} claimed, {self.done} done."
        )


def xml_text(text: str, size: int) -> str:
    """`text` as XML can hold it, cut to `size` characters with an ellipsis."""
    text = " ".join(NOT_XML.sub("", text).split())
    return text if len(text) <= size else text[: size - 1] + "…"


def chips(names: list[str]) -> tuple[Chip, ...]:
    """Technology chips laid out in one row, as many as fit (about 7 units a character)."""
    laid, x = [], 0.0
    for name in names:
        text = xml_text(name, CHIP_CHARS)
        width = 7.2 * len(text) + 18
        if x + width > CHIP_ROOM:
            break
        laid.append(Chip(text, x, width))
        x += width + 6
    return tuple(laid)


def card_for(learner: User) -> Card:
    """The card's contents for `learner` (two queries)."""
    counts = board_queries.work_counts(learner.id)
    return Card(
        name=xml_text(learner.display_name, NAME_CHARS),
        username=learner.username,
        track=learner.track.value.capitalize(),
        technologies=chips(queries.technologies_of(learner.id, TECHNOLOGIES)),
        **counts,
    )
