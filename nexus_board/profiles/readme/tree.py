"""A README as a tree of sections: each heading owns the blocks up to the next heading of the
same or a higher level. Built from markdown-it tokens, so code blocks, tables and quotes never
look like headings."""

import re
from dataclasses import dataclass, field

from markdown_it.tree import SyntaxTreeNode

from .inline import MD, plain

# Written by the exporter before a heading whose title or content would be read as another kind.
MARKER = re.compile(r"<!-- nexus:(title|overview|focus|extra) -->")


@dataclass
class Section:
    level: int
    title: str = ""
    raw_title: str = ""
    forced: str | None = None  # the kind a marker comment gave it
    start: int = 0  # line of the heading
    heading_end: int = 0
    end: int = 0  # first line after the section (children included)
    blocks: list[SyntaxTreeNode] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)


class Document:
    """The source lines and the section tree of one README."""

    def __init__(self, text: str):
        self.lines = text.split("\n")
        self.markers: set[int] = set()
        self.root = Section(level=0, end=len(self.lines))
        self._build(SyntaxTreeNode(MD.parse(text)))

    def _build(self, root: SyntaxTreeNode) -> None:
        stack = [self.root]
        forced = None
        for block in root.children:
            if block.type == "heading":
                level = int(block.tag[1])
                while stack[-1].level >= level:
                    stack.pop().end = block.map[0]
                inline = block.children[0] if block.children else None
                section = Section(
                    level=level,
                    title=plain(inline),
                    raw_title=inline.content if inline else "",
                    forced=forced,
                    start=block.map[0],
                    heading_end=block.map[1],
                )
                stack[-1].children.append(section)
                stack.append(section)
                forced = None
                continue
            marker = _marker(block)
            if marker:
                forced = marker
                self.markers.update(range(*block.map))
                continue
            forced = None
            stack[-1].blocks.append(block)
        for section in stack:
            section.end = len(self.lines)

    def source(self, blocks: list[SyntaxTreeNode]) -> str:
        """The Markdown of consecutive blocks, as written."""
        blocks = _without_rules(blocks)
        return self.span(blocks[0].map[0], blocks[-1].map[1]) if blocks else ""

    def span(self, start: int, end: int) -> str:
        return "\n".join(
            line
            for number, line in enumerate(self.lines[start:end], start)
            if number not in self.markers
        ).strip("\n")

    def collect(self, section: Section, keep=lambda child: True) -> tuple[str, list[Section]]:
        """A section's Markdown as written, with the sub-sections `keep` refuses cut out.

        Returns the text and the cut-out sub-sections, which the caller reads on their own.
        """
        ranges, cut = [], []

        def walk(current: Section) -> None:
            blocks = _without_rules(current.blocks)
            if blocks:
                ranges.append((blocks[0].map[0], blocks[-1].map[1]))
            for child in current.children:
                if keep(child):
                    ranges.append((child.start, child.heading_end))
                    walk(child)
                else:
                    cut.append(child)

        walk(section)
        merged = []
        for start, end in ranges:
            if merged and self._only_blank(merged[-1][1], start):
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        return join(self.span(start, end) for start, end in merged), cut

    def _only_blank(self, start: int, end: int) -> bool:
        return all(not self.lines[n].strip() or n in self.markers for n in range(start, end))


def _without_rules(blocks: list[SyntaxTreeNode]) -> list[SyntaxTreeNode]:
    """Blocks without the horizontal rules READMEs put between sections."""
    blocks = list(blocks)
    while blocks and blocks[0].type == "hr":
        blocks.pop(0)
    while blocks and blocks[-1].type == "hr":
        blocks.pop()
    return blocks


def join(parts) -> str:
    return "\n\n".join(part for part in parts if part.strip())


def _marker(block: SyntaxTreeNode) -> str | None:
    if block.type != "paragraph" or not block.children:
        return None
    match = MARKER.fullmatch(block.children[0].content.strip())
    return match.group(1) if match else None
