"""A profile as plain values: what the README parser produces, the exporter writes, and an
import compares. Learning and tag names, not database ids, so it round-trips through Markdown."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LearningData:
    name: str
    note: str = ""


@dataclass(frozen=True)
class ChallengeData:
    title: str
    solution: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class SectionData:
    title: str
    body: str = ""


@dataclass
class ProfileData:
    headline: str = ""
    overview: str = ""
    project_focus: str = ""
    discord_handle: str = ""
    github_url: str = ""
    technologies: list[LearningData] = field(default_factory=list)
    concepts: list[LearningData] = field(default_factory=list)
    challenges: list[ChallengeData] = field(default_factory=list)
    takeaways: list[str] = field(default_factory=list)
    sections: list[SectionData] = field(default_factory=list)


DETAILS = ("headline", "overview", "project_focus", "discord_handle", "github_url")
LISTS = ("technologies", "concepts", "challenges", "takeaways", "sections")
