"""Inline Markdown helpers: plain text of a token, `**Name** – note` splits, escaping."""

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from ...limits import README_INLINE_MARKUP
from ...markdown import markup_cost


def _budgeted_inline(state: StateCore) -> None:
    """markdown-it's inline step, with a budget of markup characters for the whole README.

    Past it, a block's text stays as written (its plain text is still right): a README of
    100,000 "![" would otherwise take seconds to read.
    """
    left = README_INLINE_MARKUP
    for token in state.tokens:
        if token.type != "inline":
            continue
        cost = markup_cost(token.content)
        if cost <= left:
            left -= cost
            token.children = token.children or []
            state.md.inline.parse(token.content, state.md, state.env, token.children)
        else:
            token.children = [Token("text", "", 0, content=token.content)]


# Raw HTML stays text, as when a profile is shown; tables and strikethrough as on GitHub.
MD = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
MD.core.ruler.at("inline", _budgeted_inline)

SEPARATORS = (" – ", " — ", " - ", ": ", " -- ")
_LEADING_SEPARATOR = re.compile(r"^\s*(?:[:–—|]|-{1,2})?\s*")
_ESCAPED = re.compile(r"([\\`*_\[\]<|~])|(?<!\S)(#)|(&)(?=#?\w+;)")
_MARKER = re.compile(r"^\s*(?:\d{1,9}[.)]|[-+*])(?:[ \t]+|$)")
MAX_LABEL_WORDS = 8


def plain(node: SyntaxTreeNode | None) -> str:
    """The text a reader sees in an inline node: markup, links and code ticks removed."""
    if node is None:
        return ""
    parts = []
    for child in node.children:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        else:
            parts.append(plain(child))
    return " ".join("".join(parts).split())


def link_target(node: SyntaxTreeNode) -> str | None:
    """The first link address in an inline node."""
    for child in node.walk():
        if child.type == "link":
            return str(child.attrs.get("href", ""))
    return None


def split_label(inline: SyntaxTreeNode) -> tuple[str, str] | None:
    """`**Docker** – containers` or `Docker: containers` → ('Docker', 'containers').

    The label is plain text; the rest stays Markdown, exactly as written. None when the
    item has no label (a sentence, or a bare name).
    """
    raw = inline.content.strip()
    children = [c for c in inline.children if not (c.type == "text" and not c.content)]
    if children and children[0].type in ("strong", "em"):
        markup = children[0].markup
        end = _closing(raw, markup)
        if end is not None:
            rest = _LEADING_SEPARATOR.sub("", raw[end + len(markup) :], count=1)
            return plain(children[0]), rest.strip()
    for index, _char in _unescaped(raw):
        separator = next((s for s in SEPARATORS if raw.startswith(s, index)), None)
        if separator:
            label = raw[:index]
            if 0 < len(label.split()) <= MAX_LABEL_WORDS:
                return plain(inline_node(label)), raw[index + len(separator) :].strip()
            return None
    return None


def inline_node(raw: str) -> SyntaxTreeNode:
    """`raw` parsed as inline Markdown."""
    return SyntaxTreeNode(MD.parseInline(raw)).children[0]


def _unescaped(raw: str):
    """(index, char) of characters outside backslash escapes and code spans."""
    index = 0
    while index < len(raw):
        char = raw[index]
        if char == "\\":
            index += 2
            continue
        if char == "`":
            run = len(raw[index:]) - len(raw[index:].lstrip("`"))
            close = raw.find("`" * run, index + run)
            if close != -1:
                index = close + run
                continue
        yield index, char
        index += 1


def _closing(raw: str, markup: str) -> int | None:
    """Where the emphasis opened at the start of `raw` closes."""
    if not raw.startswith(markup):
        return None
    for index, _char in _unescaped(raw):
        if index >= len(markup) and raw.startswith(markup, index):
            return index
    return None


def escape(text: str) -> str:
    """Plain text as Markdown that shows exactly that text."""
    return _ESCAPED.sub(lambda match: "\\" + match.group(0), text)


def item_text(lines: list[str]) -> str:
    """A list item's own Markdown: the marker removed, continuation lines dedented."""
    if not lines:
        return ""
    lines = [line.expandtabs(4) for line in lines]
    match = _MARKER.match(lines[0])
    width = match.end() if match else 0
    first = lines[0][width:]
    rest = [line[min(width, len(line) - len(line.lstrip(" "))) :] for line in lines[1:]]
    return "\n".join([first, *rest])
