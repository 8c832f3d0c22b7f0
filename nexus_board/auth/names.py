"""Names that cannot pass for someone else's.

A display name is stored NFKC-normalised (so 𝐀𝐝𝐚 is "Ada") with the characters nobody can see
removed: bidi controls, zero-width spaces and joiners, and the other default-ignorable code
points. Its *key* is what a reader sees: each character replaced by its Unicode confusables
prototype (the UTS #39 skeleton, from confusable-homoglyphs' copy of Unicode's confusables.txt),
case-folded, without spaces or punctuation. Two names with one key look alike, so a new name
whose key another account's name or username has is refused, and so is a learner's name that
contains an admin's, or a word only the mentor badge (admins') may say.

Every step is one pass over a name of at most 80 characters; each check is an indexed lookup.
"""

import re
import unicodedata
from functools import cache

from confusable_homoglyphs.confusables import confusables_data

# Default-ignorable code points (Unicode's DerivedCoreProperties), plus the braille blank:
# they show nothing, so they can only make two names look alike while differing.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
SPACES = re.compile(r"[^\S\n\r\t\x0b\x0c\x1c-\x1f\x85\u2028\u2029]+")  # runs of spaces, not breaks
# Words only the mentor badge (admins) may say; a learner's name may not say them itself.
BADGE_WORDS = ("admin", "administrator", "mentor", "moderator", "staff")
SHORTEST_CONTAINED = 4  # an admin's name this short is not looked for inside other names


def clean_name(name: str) -> str:
    """The name as stored: NFKC, nothing invisible, single spaces, trimmed. (Line breaks and
    controls stay, for the one-line rule to refuse.)"""
    text = unicodedata.normalize("NFKC", name or "")
    text = "".join(c for c in INVISIBLE.sub("", text) if unicodedata.category(c) != "Cf")
    return SPACES.sub(" ", text).strip()


def name_key(name: str) -> str:
    """What `name` looks like: equal keys mean two names a reader can mistake for each other."""
    text = _skeleton(unicodedata.normalize("NFKC", name)).casefold()
    return "".join(c for c in _skeleton(text) if unicodedata.category(c)[0] not in "ZPC")


def badge_word(name: str) -> str | None:
    """The badge word `name` says (in any lookalike letters), if any."""
    words = {name_key(word): word for word in BADGE_WORDS}
    for part in re.split(r"[\W_]+", clean_name(name)):
        if part and name_key(part) in words:
            return words[name_key(part)]
    return None


def _skeleton(text: str) -> str:
    """Each character as its confusables prototype (twice: a prototype may be a sequence)."""
    table = _prototypes()
    once = "".join(table.get(c, c) for c in unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFD", "".join(table.get(c, c) for c in once))


@cache
def _prototypes() -> dict[str, str]:
    """Character -> the one character (or sequence) every character confusable with it maps to.

    The library lists, for each character, the ones confusable with it. Linked characters form
    a group around their prototype (the one most others link to); a character confusable only
    with a sequence ("m" with "rn") maps to that sequence. Built once per process, read only.
    """
    links: dict[str, set[str]] = {}
    sequences: dict[str, str] = {}
    for char, glyphs in confusables_data.items():
        for glyph in glyphs:
            other = glyph["c"].replace("\u200e", "").replace("\u200f", "")  # display marks
            if len(char) == 1 and len(other) == 1:
                links.setdefault(char, set()).add(other)
                links.setdefault(other, set()).add(char)
            elif len(char) == 1 and other:
                sequences[char] = other
    table: dict[str, str] = {}
    for start in links:
        if start in table:
            continue
        group, todo = {start}, [start]
        while todo:
            for other in links[todo.pop()] - group:
                group.add(other)
                todo.append(other)
        prototype = max(group, key=lambda c: (len(links[c]), -ord(c)))
        table.update(dict.fromkeys(group, prototype))
    for char, sequence in sequences.items():
        table.setdefault(char, sequence)
    return table
