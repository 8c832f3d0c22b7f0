"""A profile → a README in the structure learners already keep (the Project Nexus template)."""

import re

from ...models import Track
from ..values import ChallengeData, LearningData, ProfileData
from .headings import EXTRA, FOCUS, OVERVIEW, TITLE, classify
from .inline import MD, escape

CONCEPT_HEADINGS = {
    Track.BACKEND: "Backend Development Concepts",
    Track.FRONTEND: "Key Frontend Concepts Learned",
}


def default_title(display_name: str) -> str:
    return f"Project Nexus – {display_name}"


def export_readme(profile: ProfileData, *, display_name: str, track: Track) -> str:
    """The profile as Markdown that `parse_readme` reads back into the same profile."""
    title = profile.headline or default_title(display_name)
    out = [_heading(1, title, TITLE, marked=classify(title) is not None)]
    if profile.overview:
        out += _text_section("Overview", profile.overview, OVERVIEW)
    if profile.project_focus:
        out += _text_section("Project Focus", profile.project_focus, FOCUS)
    if profile.technologies or profile.concepts:
        out.append("## Major Learnings")
        if profile.technologies:
            out += ["### Key Technologies Covered", _learnings(profile.technologies)]
        if profile.concepts:
            out += [f"### {CONCEPT_HEADINGS[Track(track)]}", _learnings(profile.concepts)]
    if profile.challenges:
        out += ["## Challenges Faced & Solutions Implemented", *_challenges(profile.challenges)]
    if profile.takeaways:
        out += ["## Best Practices & Personal Takeaways", _numbered(profile.takeaways)]
    contact = _contact(profile)
    if contact:
        out += ["## Collaboration", contact]
    for section in profile.sections:
        out += _text_section(section.title, section.body, EXTRA)
    return "\n\n".join(part for part in out if part) + "\n"


def _heading(level: int, title: str, kind: str, *, marked: bool) -> str:
    heading = f"{'#' * level} {escape(title)}"
    return f"<!-- nexus:{kind} -->\n{heading}" if marked else heading


def _text_section(title: str, body: str, kind: str) -> list[str]:
    """A heading and Markdown, marked if its title or inner headings would read as another part."""
    marked = classify(title) != (kind if kind != EXTRA else None) or _has_headings(body)
    return [_heading(2, title, kind, marked=marked), body]


def _has_headings(markdown: str) -> bool:
    return any(token.type == "heading_open" and token.level == 0 for token in MD.parse(markdown))


def _learnings(items: list[LearningData]) -> str:
    return "\n".join(
        f"- **{escape(item.name)}**" + (f" – {item.note}" if item.note else "") for item in items
    )


def _challenges(items: list[ChallengeData]) -> list[str]:
    """A table, as in the template, when every cell fits on one line; else one heading each."""
    if all(_fits_cell(c.title) and _fits_cell(c.solution) for c in items):
        tagged = any(c.tags for c in items)
        rows = ["| Challenge | Solution |" + (" Related learnings |" if tagged else "")]
        rows.append("|---|---|" + ("---|" if tagged else ""))
        for c in items:
            cells = [escape(c.title), c.solution] + ([_tags(c.tags)] if tagged else [])
            rows.append("| " + " | ".join(cells) + " |")
        return ["\n".join(rows)]
    out = []
    for c in items:
        out += [f"### {_unnumbered(escape(c.title))}", c.solution]
        if c.tags:
            out.append(f"**Related learnings:** {_tags(c.tags)}")
    return out


def _unnumbered(title: str) -> str:
    """`1. Slow pages` stays a title: the parser drops such numbering from challenge headings."""
    return re.sub(r"^((?:challenge\s+)?\d{1,3}\s*)([.):-])", r"\1\\\2", title, flags=re.I)


def _fits_cell(text: str) -> bool:
    return "\n" not in text and "|" not in text and "<br" not in text.lower()


def _tags(names) -> str:
    return ", ".join(escape(name).replace(",", "\\,").replace(";", "\\;") for name in names)


def _numbered(items: list[str]) -> str:
    lines = []
    for number, text in enumerate(items, 1):
        marker = f"{number}. "
        first, *rest = text.split("\n")
        lines.append(marker + first)
        lines += [(" " * len(marker) + line) if line.strip() else "" for line in rest]
    return "\n".join(lines)


def _contact(profile: ProfileData) -> str:
    lines = []
    if profile.discord_handle:
        lines.append(f"- **Discord:** `{profile.discord_handle}`")
    if profile.github_url:
        lines.append(f"- **GitHub:** <{profile.github_url}>")
    return "\n".join(lines)
