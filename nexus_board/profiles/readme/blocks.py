"""Reading the blocks under a heading: learnings from lists and tables, challenges from tables,
lists and sub-headings, takeaways from lists, Discord and GitHub from a contact list."""

import re

from markdown_it.tree import SyntaxTreeNode

from ..rules import (
    LIMITS,
    clean_discord,
    clean_github,
    clean_markdown,
    clean_name,
    discord_error,
    github_error,
    name_fits,
    one_line,
)
from ..values import ChallengeData, LearningData
from .headings import heading_key
from .inline import inline_node, item_text, link_target, plain, split_label

LISTS = ("bullet_list", "ordered_list")
CHALLENGE_COLUMNS = ("challenge", "problem", "issue", "question")
SOLUTION_COLUMNS = ("solution", "fix", "resolution", "solved", "approach", "answer", "how")
TAG_COLUMNS = ("tag", "related", "learning", "technolog", "tool", "stack")
DISCORD_LABELS = {"discord", "discord handle", "discord username", "discord user", "discord id"}
GITHUB_LABELS = {"github", "github profile", "github url", "github account", "git hub"}
RELATED = re.compile(r"\*\*Related learnings:\*\*[ \t]*([^\n]*)")
# `**Solution:**`, `**Fix**:` or `Solution:` opening a sub-heading's text (not "Fixtures …").
SOLUTION_LABEL = re.compile(
    r"^(?:(?:\*\*|__)(?:solution|fix)\s*:?\s*(?:\*\*|__)\s*:?|(?:solution|fix)\s*:)\s*", re.I
)
NUMBERING = re.compile(r"^(?:challenge\s+)?\d{1,3}\s*[.):-]\s+", re.I)
BREAK = re.compile(r"<br\s*/?>", re.I)


def first_inline(item: SyntaxTreeNode) -> SyntaxTreeNode | None:
    first = item.children[0] if item.children else None
    if first is None or first.type != "paragraph" or not first.children:
        return None
    return first.children[0]


def learning_from_item(item: SyntaxTreeNode) -> LearningData | None:
    """A list item as a learning, or None when it is not one (then it is kept elsewhere)."""
    inline = first_inline(item)
    if inline is None:
        return None
    split = split_label(inline)
    name, note = split if split else (plain(inline), "")
    extra = [plain(n) for n in item.children[1:] for n in n.walk() if n.type == "inline"]
    note = one_line(" ".join([note, "; ".join(e for e in extra if e)]))
    return learning(name, note)


def learning(name: str, note: str) -> LearningData | None:
    name = clean_name(name)
    if not name_fits(name) or len(note) > LIMITS["note"]:
        return None
    return LearningData(name, one_line(note))


def learning_from_section(section) -> LearningData | None:
    """A sub-heading naming one learning (`### Database Design`), its bullets or text the notes.

    Not when the bullets are learnings themselves (`- **Django** – ORM`: a group heading), nor
    when the section holds more than text and lists.
    """
    if section.children:
        return None
    notes = []
    for block in section.blocks:
        if block.type in LISTS:
            if any(_labelled(item) for item in block.children):
                return None
            notes += [node.content.strip() for node in block.walk() if node.type == "inline"]
        elif block.type == "paragraph":
            notes.append(block.children[0].content.strip())
        elif block.type != "hr":
            return None
    return learning(section.title, "; ".join(note for note in notes if note))


def _labelled(item: SyntaxTreeNode) -> bool:
    """A list item that starts with a bold or emphasized name: a learning of its own."""
    inline = first_inline(item)
    children = [c for c in inline.children if c.type != "text" or c.content] if inline else []
    return bool(children) and children[0].type in ("strong", "em")


def table_rows(table: SyntaxTreeNode) -> tuple[list[str], list[list[SyntaxTreeNode]]]:
    """Header texts and the cells (inline nodes) of each body row."""
    header, rows = [], []
    for part in table.children:
        for row in part.children:
            cells = [
                cell.children[0] if cell.children else inline_node("") for cell in row.children
            ]
            if part.type == "thead":
                header = [plain(cell) for cell in cells]
            else:
                rows.append(cells)
    return header, rows


def learnings_from_table(table: SyntaxTreeNode) -> list[LearningData | None]:
    _header, rows = table_rows(table)
    found = []
    for cells in rows:
        note = " – ".join(c.content.strip() for c in cells[1:] if c.content.strip())
        found.append(learning(plain(cells[0]), note) if cells else None)
    return found


def challenge_columns(header: list[str]) -> tuple[int, int, int | None]:
    """Which columns of a challenges table hold the challenge, its solution and its tags."""
    keys = [heading_key(h) for h in header]
    title = _column(keys, CHALLENGE_COLUMNS, taken=())
    solution = _column(keys, SOLUTION_COLUMNS, taken=(title,))
    tags = _column(keys, TAG_COLUMNS, taken=(title, solution))
    if title is None:
        title = next(i for i in range(len(keys) + 1) if i not in (solution, tags))
    if solution is None:
        solution = next(i for i in range(len(keys) + 2) if i not in (title, tags))
    return title, solution, tags


def extra_cell(name: str, value: str) -> str:
    """An extra column's cell, as it joins the solution: `**Time spent:** 2 days`."""
    return f"**{name}:** {value}"


def challenges_from_table(table: SyntaxTreeNode) -> list[ChallengeData]:
    """Rows of a challenges table, whatever the column order; extra columns join the solution."""
    header, rows = table_rows(table)
    title, solution, tags = challenge_columns(header)
    found = []
    for cells in rows:
        cell = dict(enumerate(c.content.strip() for c in cells))
        parts = [BREAK.sub("\n", cell.get(solution, ""))]
        for index, name in enumerate(header):
            if index not in (title, solution, tags) and cell.get(index):
                parts.append(extra_cell(name, BREAK.sub(" ", cell[index])))
        heading = plain(cells[title]) if title < len(cells) else ""
        names = tag_names(cell.get(tags, ""))
        found.append(challenge(heading, "\n\n".join(p for p in parts if p), names))
    return found


def _column(keys, words, taken) -> int | None:
    for index, key in enumerate(keys):
        if index not in taken and any(word in key for word in words):
            return index
    return None


def tag_names(raw: str) -> tuple[str, ...]:
    """`Python, Django\\, REST` → names (commas escaped with a backslash stay in the name)."""
    names, current, escaped = [], [], False
    for char in raw:
        if char in ",;" and not escaped:
            names.append("".join(current))
            current = []
        else:
            current.append(char)
        escaped = char == "\\" and not escaped
    names.append("".join(current))
    return tuple(n for n in (clean_name(plain(inline_node(raw.strip()))) for raw in names) if n)


def challenge(title: str, solution: str, tags=()) -> ChallengeData | None:
    """A challenge that fits the limits: an overlong title moves into the solution."""
    title, solution = one_line(title), clean_markdown(solution)
    if not title:
        if not solution:
            return None
        title, solution = solution.split("\n")[0], solution
    if len(title) > LIMITS["title"]:
        solution = clean_markdown(f"{title}\n\n{solution}")
        title = title[: LIMITS["title"] - 1].rsplit(" ", 1)[0] + "…"
    if len(solution) > LIMITS["solution"]:
        return None
    return ChallengeData(title, solution, tuple(tags))


def challenge_from_item(doc, item: SyntaxTreeNode) -> ChallengeData | None:
    inline = first_inline(item)
    if inline is None:
        return None
    split = split_label(inline)
    title, first = split if split else (plain(inline), "")
    lines = item_text(doc.lines[item.map[0] : item.map[1]]).split("\n")
    nested = "\n".join(lines[item.children[0].map[1] - item.map[0] :])
    return challenge(title, f"{first}\n\n{nested}")


def challenge_from_section(raw_title: str, title: str, body: str) -> ChallengeData | None:
    """A sub-heading under Challenges: the heading is the challenge, what follows its solution."""
    if NUMBERING.match(raw_title):
        title = plain(inline_node(NUMBERING.sub("", raw_title, count=1)))
    tags = ()
    paragraphs = body.rsplit("\n\n", 1)
    match = RELATED.fullmatch(paragraphs[-1].strip())
    if match:
        tags = tag_names(match.group(1))
        body = paragraphs[0] if len(paragraphs) > 1 else ""
    return challenge(title, SOLUTION_LABEL.sub("", body.lstrip(), count=1), tags)


def contact_field(item: SyntaxTreeNode) -> tuple[str, str] | None:
    """('discord_handle', 'ada') for `- **Discord:** `ada``, if valid; else None."""
    inline = first_inline(item)
    split = split_label(inline) if inline is not None and len(item.children) == 1 else None
    if not split:
        return None
    label, rest = heading_key(split[0]), inline_node(split[1])
    if label in DISCORD_LABELS:
        handle = clean_discord(plain(rest))
        return ("discord_handle", handle) if handle and not discord_error(handle) else None
    if label in GITHUB_LABELS:
        url = clean_github(link_target(rest) or plain(rest))
        return ("github_url", url) if url and not github_error(url) else None
    return None
