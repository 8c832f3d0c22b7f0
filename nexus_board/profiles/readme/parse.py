"""A README → a profile. Every part of the file lands somewhere: what maps to no part of a
profile becomes an extra section, so nothing a learner wrote is lost."""

from dataclasses import dataclass, field

from ...models import LearningKind
from ..rules import LIMITS, clean_markdown, one_line, topic_key
from ..topics import catalog_kind
from ..values import LearningData, ProfileData, SectionData
from . import blocks as read
from .headings import (
    CHALLENGES,
    COLLABORATION,
    CONCEPTS,
    EXTRA,
    FOCUS,
    LEARNINGS,
    OVERVIEW,
    TAKEAWAYS,
    TECHNOLOGIES,
    TITLE,
    classify,
)
from .inline import item_text
from .tree import Document, Section, join

INTRO = "Text before the first heading"


@dataclass
class Placement:
    source: str  # a heading of the README
    target: str  # where its content goes


@dataclass
class ParsedReadme:
    profile: ProfileData
    placements: list[Placement] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def kind_of(section: Section) -> str | None:
    return section.forced or classify(section.title)


class Parser:
    def __init__(self, text: str, default_title: str | None):
        self.doc = Document(text)
        self.default_title = default_title
        self.result = ParsedReadme(ProfileData())
        self.profile = self.result.profile
        self.learnings: dict[str, tuple[list, int]] = {}

    def run(self) -> ParsedReadme:
        root = self.doc.root
        intro, children = self.doc.collect(root, keep=lambda child: False)
        self.add_text("overview", intro, INTRO)
        if self._is_title(children):
            title = children[0]
            if title.title != self.default_title:
                self.profile.headline = one_line(title.title)[: LIMITS["headline"]]
                self.place(title.title, "Headline")
            intro, children = self.doc.collect(title, keep=lambda child: False)
            self.add_text("overview", intro, INTRO)
        for child in children:
            self.visit(child)
        return self.result

    def _is_title(self, children: list[Section]) -> bool:
        if len(children) != 1:
            return False
        only = children[0]
        return only.forced == TITLE or (
            not only.forced and only.level == 1 and classify(only.title) is None
        )

    def visit(self, section: Section) -> None:
        kind = kind_of(section)
        if kind in (OVERVIEW, FOCUS):
            self.text(section, kind)
        elif kind in (LEARNINGS, TECHNOLOGIES, CONCEPTS):
            self.learning_list(section, kind)
        elif kind == CHALLENGES:
            self.challenges(section)
        elif kind == TAKEAWAYS:
            self.takeaways(section)
        elif kind == COLLABORATION:
            self.collaboration(section)
        else:
            self.extra_section(section)

    def text(self, section: Section, kind: str) -> None:
        field_name = "overview" if kind == OVERVIEW else "project_focus"
        text, cut = self.doc.collect(section, self._keeps(section, (None, kind, COLLABORATION)))
        self.add_text(field_name, text, section.title)
        self.visit_all(cut)

    def extra_section(self, section: Section) -> None:
        text, cut = self.doc.collect(section, self._keeps(section, (None, COLLABORATION)))
        if text or not cut or section.forced == EXTRA:
            self.add_section(section.title, text, "Extra section")
        self.visit_all(cut)

    def _keeps(self, section: Section, kinds):
        if section.forced:
            return lambda child: True
        return lambda child: not child.forced and classify(child.title) in kinds

    def learning_list(self, section: Section, kind: str) -> None:
        as_kind = {TECHNOLOGIES: LearningKind.TECHNOLOGY, CONCEPTS: LearningKind.CONCEPT}.get(kind)
        leftovers, found = [], []
        for block in section.blocks:
            if block.type in read.LISTS:
                items = [(item, read.learning_from_item(item)) for item in block.children]
                found += [data for _item, data in items if data]
                leftovers.append("\n".join(self._span(i) for i, data in items if not data))
            elif block.type == "table":
                rows = read.learnings_from_table(block)
                found += [data for data in rows if data]
                leftovers.append(self.doc.source([block]) if None in rows else "")
            elif block.type != "hr":
                leftovers.append(self.doc.source([block]))
        kinds = [self.add_learning(data, as_kind) for data in found]
        if found:
            self.place(section.title, _count_learnings(kinds))
        self.add_section(section.title, join(leftovers), "Extra section (the text around the list)")
        for child in section.children:
            titled = read.learning_from_section(child) if kind_of(child) is None else None
            if titled is not None:  # `### Database Design`, its bullets the notes
                self.place(child.title, _count_learnings([self.add_learning(titled, as_kind)]))
            elif kind_of(child) is None:
                self.learning_list(child, kind)
            else:
                self.visit(child)

    def challenges(self, section: Section) -> None:
        leftovers, found = [], []
        for block in section.blocks:
            if block.type == "table":
                rows = read.challenges_from_table(block)
                found += [row for row in rows if row]
                leftovers.append(self.doc.source([block]) if None in rows else "")
            elif block.type in read.LISTS:
                items = [
                    (item, read.challenge_from_item(self.doc, item)) for item in block.children
                ]
                found += [data for _item, data in items if data]
                leftovers.append("\n".join(self._span(i) for i, data in items if not data))
            elif block.type != "hr":
                leftovers.append(self.doc.source([block]))
        for child in section.children:
            if child.forced:
                self.visit(child)
                continue
            body, _cut = self.doc.collect(child)
            data = read.challenge_from_section(child.raw_title, child.title, body)
            found.append(data) if data else self.extra_section(child)
        self.profile.challenges += found
        self.place(section.title, _plural(len(found), "challenge"))
        self.add_section(section.title, join(leftovers), "Extra section (the text around them)")

    def takeaways(self, section: Section) -> None:
        leftovers, found = [], []
        for block in section.blocks:
            if block.type in read.LISTS:
                for item in block.children:
                    text = clean_markdown(item_text(self.doc.lines[item.map[0] : item.map[1]]))
                    if text and len(text) <= LIMITS["text"]:
                        found.append(text)
                    else:
                        leftovers.append(self._span(item))
            elif block.type != "hr":
                leftovers.append(self.doc.source([block]))
        self.profile.takeaways += found
        self.place(section.title, _plural(len(found), "takeaway"))
        self.add_section(section.title, join(leftovers), "Extra section (the text around them)")
        self.visit_all(section.children)

    def collaboration(self, section: Section) -> None:
        keep = self._keeps(section, (None, COLLABORATION))
        other = any(keep(child) for child in section.children)
        for block in section.blocks:
            fields = (
                [read.contact_field(i) for i in block.children] if block.type in read.LISTS else []
            )
            other = other or block.type not in (*read.LISTS, "hr") or None in fields
            for name, value in filter(None, fields):
                setattr(self.profile, name, value)
                self.place(
                    section.title, {"discord_handle": "Discord", "github_url": "GitHub"}[name]
                )
        if other:
            text, cut = self.doc.collect(section, keep)
            self.add_section(section.title, text, "Extra section")
        else:
            cut = [child for child in section.children if not keep(child)]
        self.visit_all(cut)

    def visit_all(self, sections) -> None:
        for section in sections:
            self.visit(section)

    def add_text(self, field_name: str, text: str, source: str) -> None:
        text = clean_markdown(text)
        if text:
            setattr(self.profile, field_name, join([getattr(self.profile, field_name), text]))
            self.place(source, "Overview" if field_name == "overview" else "Project focus")

    def add_section(self, title: str, body: str, target: str) -> None:
        body = clean_markdown(body)
        if body or target == "Extra section":
            title = one_line(title)[: LIMITS["section_title"]] or "Notes"
            self.profile.sections.append(SectionData(title, body))
            self.place(title, target)

    def add_learning(self, data: LearningData, kind: LearningKind | None) -> LearningKind:
        kind = kind or catalog_kind(data.name) or LearningKind.TECHNOLOGY
        key = topic_key(data.name)
        if key in self.learnings:
            items, index = self.learnings[key]
            old = items[index]
            note = old.note if data.note in old.note else one_line(f"{old.note}; {data.note}")
            items[index] = LearningData(old.name, note.strip("; ")[: LIMITS["note"]])
            self.result.notes.append(f"“{old.name}” is listed twice; it is kept once.")
            return kind
        items = (
            self.profile.technologies if kind is LearningKind.TECHNOLOGY else self.profile.concepts
        )
        self.learnings[key] = (items, len(items))
        items.append(data)
        return kind

    def place(self, source: str, target: str) -> None:
        self.result.placements.append(Placement(source, target))

    def _span(self, node) -> str:
        return self.doc.span(node.map[0], node.map[1])


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _count_learnings(kinds) -> str:
    techs = sum(kind is LearningKind.TECHNOLOGY for kind in kinds)
    parts = [_plural(techs, "technology").replace("technologys", "technologies")]
    parts.append(_plural(len(kinds) - techs, "concept"))
    return ", ".join(p for p in parts if not p.startswith("0 "))
