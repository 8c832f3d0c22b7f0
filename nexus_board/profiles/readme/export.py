"""A profile → a README in the structure learners already keep (the Project Nexus template)."""

import re

from ...models import Track
from ..rules import one_line
from ..values import ChallengeData, LearningData, ProfileData
from .blocks import RELATED, SOLUTION_LABEL, challenge_columns, extra_cell
from .headings import EXTRA, FOCUS, OVERVIEW, TITLE, classify
from .inline import MD, escape

EXTRA_CELL = re.compile(r"\*\*([^*\n]+):\*\* ([^\n]+)")
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
    """A table, as in the template, when every cell fits on one line; else one heading each.

    Extra columns an imported table had (`| # | Challenge | Fix |`) live at the end of the
    solution as `**#:** 1` lines; they go back into columns of their own, after Solution.
    """
    table = _table(items)
    if table is not None:
        return [table]
    out = []
    for c in items:
        # The parser drops a leading "**Solution:**" label; one of the solution's own stays.
        labelled = SOLUTION_LABEL.match(c.solution.lstrip())
        solution = f"**Solution:** {c.solution}" if labelled else c.solution
        out += [f"### {_unnumbered(escape(c.title))}", solution]
        # The parser takes a last paragraph "**Related learnings:** …" as the tags: a solution
        # ending with one of its own keeps it when the tags' line (empty or not) follows.
        if c.tags or RELATED.fullmatch(c.solution.rsplit("\n\n", 1)[-1].strip()):
            out.append(f"**Related learnings:** {_tags(c.tags)}".rstrip())
    return out


def _table(items: list[ChallengeData]) -> str | None:
    rows = [(c, *_solution_and_extras(c.solution)) for c in items]
    extras = list(dict.fromkeys(name for _c, _solution, cells in rows for name in cells))
    tagged = any(c.tags for c in items)
    header = ["Challenge", "Solution", *extras, *(["Related learnings"] if tagged else [])]
    wanted = (0, 1, len(header) - 1 if tagged else None)
    fits = all(
        _fits_cell(c.title) and _fits_cell(solution) and _in_order(list(cells), extras)
        for c, solution, cells in rows
    )
    if not fits or not all(map(_fits_cell, extras)) or challenge_columns(header) != wanted:
        return None
    lines = ["| " + " | ".join(map(escape, header)) + " |", "|---" * len(header) + "|"]
    for c, solution, cells in rows:
        row = [escape(c.title), solution, *(cells.get(name, "") for name in extras)]
        lines.append("| " + " | ".join(row + ([_tags(c.tags)] if tagged else [])) + " |")
    return "\n".join(lines)


def _solution_and_extras(solution: str) -> tuple[str, dict[str, str]]:
    """The solution, and the extra columns' cells that end it (`**#:** 1`), by column."""
    paragraphs, cells = solution.split("\n\n"), {}
    while paragraphs:
        found = EXTRA_CELL.fullmatch(paragraphs[-1])
        name, value = found.groups() if found else ("", "")
        if not (found and _fits_cell(value) and name == one_line(name) and name not in cells):
            break
        if extra_cell(name, value) != paragraphs[-1] or value != value.strip():
            break
        cells = {name: value, **cells}
        paragraphs.pop()
    return "\n\n".join(paragraphs), cells


def _in_order(names: list[str], columns: list[str]) -> bool:
    positions = [columns.index(name) for name in names]
    return positions == sorted(positions)


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
