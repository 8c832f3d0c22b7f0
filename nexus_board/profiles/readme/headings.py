"""What a README heading means: its kind, whatever the emoji, numbering, case or wording."""

import re
import unicodedata

OVERVIEW = "overview"
FOCUS = "focus"
LEARNINGS = "learnings"  # a container: "Major Learnings"
TECHNOLOGIES = "technologies"
CONCEPTS = "concepts"
CHALLENGES = "challenges"
TAKEAWAYS = "takeaways"
COLLABORATION = "collaboration"
EXTRA = "extra"
TITLE = "title"
LIST_KINDS = {LEARNINGS, TECHNOLOGIES, CONCEPTS, CHALLENGES, TAKEAWAYS}

EXACT = {
    OVERVIEW: {"overview", "about", "about me", "introduction", "intro", "summary", "bio"},
    FOCUS: {"my project", "current project", "what i am building", "what im building"},
    TECHNOLOGIES: {"tools", "stack", "tools used", "languages", "frameworks", "tooling"},
    COLLABORATION: {"contact", "connect", "connect with me", "find me", "socials", "links"},
}
# (kind, words any of which in the heading means that kind), tried in this order.
KEYWORDS = [
    (TAKEAWAYS, ("takeaway", "best practice", "lessons learned", "lessons learnt")),
    (CHALLENGES, ("challenge", "problems and solutions", "obstacles")),
    (LEARNINGS, ("technologies and concepts", "technology and concepts")),
    (CONCEPTS, ("concept",)),
    (TECHNOLOGIES, ("technolog", "tech stack", "tools and", "languages and")),
    (LEARNINGS, ("learning", "what i learned", "what i learnt", "skills")),
    (FOCUS, ("focus",)),
    (OVERVIEW, ("overview", "introduction")),
    (COLLABORATION, ("collaborat",)),
]
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*|[ivx]+)\s+(?=\S)")


def heading_key(title: str) -> str:
    """'🚀 2. Challenges Faced & Solutions:' → 'challenges faced and solutions'."""
    text = unicodedata.normalize("NFKC", title).replace("&", " and ")
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category[0] in "LN":
            kept.append(char.lower())
        elif category[0] in "PZ" or char.isspace():
            kept.append(" " if char not in "'’" else "")
        # symbols, emoji, joiners and variation selectors are dropped
    key = " ".join("".join(kept).split())
    return _NUMBERING.sub("", key)


def classify(title: str) -> str | None:
    """The kind of section a heading starts, or None when it maps to nothing."""
    key = heading_key(title)
    if not key:
        return None
    for kind, names in EXACT.items():
        if key in names:
            return kind
    for kind, words in KEYWORDS:
        if any(word in key for word in words):
            return kind
    return None
