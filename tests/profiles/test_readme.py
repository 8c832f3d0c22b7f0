"""The README parser on sample files written for these tests, and the upload decoder."""

from pathlib import Path

import pytest

from nexus_board.errors import Invalid
from nexus_board.models import Track
from nexus_board.profiles.readme import (
    MAX_BYTES,
    NotText,
    TooLarge,
    decode,
    default_title,
    export_readme,
    parse_readme,
)
from nexus_board.profiles.values import ChallengeData, LearningData, SectionData

SAMPLES = Path(__file__).parent / "readmes"
REFERENCE = SAMPLES / "reference.md"  # the README learners keep today


def sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def targets(parsed) -> dict[str, str]:
    return {p.source: p.target for p in parsed.placements}


def test_backend_readme_lands_in_every_part_of_the_profile():
    parsed = parse_readme(sample("backend.md"))
    profile = parsed.profile
    assert profile.headline == "🚀 Project Nexus – Chioma's Backend Journey"  # mojibake repaired
    assert profile.overview == (
        "I build APIs for a living now.\n\nBackend learner in the ProDev program."
    )
    assert profile.project_focus == "An **e-commerce API** with Django REST Framework."
    assert profile.technologies == [
        LearningData("Python", "type hints everywhere"),
        LearningData("Django", "ORM, admin and migrations"),
        LearningData("Docker", "containers for every service"),
        LearningData("rest apis"),
        LearningData("PostgreSQL", "indexes; EXPLAIN ANALYZE"),
    ]
    assert profile.concepts == [
        LearningData("Database Design"),
        LearningData("Caching Strategies", "Redis in front of slow queries"),
    ]
    assert profile.takeaways == ["Write **tests** first.", "Keep views thin."]
    assert (profile.discord_handle, profile.github_url) == (
        "chioma.eze",
        "https://github.com/chioma-eze",
    )


def test_swapped_table_columns_and_extra_columns_are_kept_in_the_solution():
    challenges = parse_readme(sample("backend.md")).profile.challenges
    assert challenges == [
        ChallengeData(
            "N+1 queries on the orders page", "Used `select_related`\n\n**Time spent:** 2 days"
        ),
        ChallengeData("Flaky payment webhooks", "Celery retries with backoff"),
    ]


EXTRA_COLUMNS = """## Challenges

| # | Challenge | Fix |
|---|-----------|-----|
| 1 | Slow list endpoint | Added `select_related` |
| 2 | Flaky webhooks | Retries with backoff |
"""


def again(profile):
    """The profile exported, and the export imported."""
    readme = export_readme(profile, display_name="Ada Okafor", track=Track.BACKEND)
    return readme, parse_readme(readme, default_title=default_title("Ada Okafor")).profile


def test_extra_table_columns_stay_columns_on_export():
    profile = parse_readme(EXTRA_COLUMNS).profile
    assert profile.challenges[0] == ChallengeData(
        "Slow list endpoint", "Added `select_related`\n\n**#:** 1"
    )
    readme, imported = again(profile)
    assert "| Challenge | Solution | \\# |" in readme  # Challenge and Solution first
    assert "| Slow list endpoint | Added `select_related` | 1 |" in readme
    assert "**#:**" not in readme and "###" not in readme
    assert imported == profile


def test_a_sample_readme_with_an_extra_column_exports_it_as_a_column():
    profile = parse_readme(sample("backend.md")).profile
    readme, imported = again(profile)
    assert "| Challenge | Solution | Time spent |" in readme
    assert "| Flaky payment webhooks | Celery retries with backoff |  |" in readme
    assert imported == profile


SUB_HEADINGS = """## Important Backend Development Concepts

### Database Design
- Normalization up to **3NF**
- Indexes on foreign keys

### Caching Strategies
Redis in front of slow queries.

### Asynchronous Programming

## Key Technologies Covered

### Frameworks
- **Django** – ORM and admin
- **Flask**
"""


def test_concepts_written_as_sub_headings_keep_their_names_with_the_bullets_as_notes():
    parsed = parse_readme(SUB_HEADINGS)
    assert parsed.profile.concepts == [
        LearningData("Database Design", "Normalization up to **3NF**; Indexes on foreign keys"),
        LearningData("Caching Strategies", "Redis in front of slow queries."),
        LearningData("Asynchronous Programming"),
    ]
    assert targets(parsed)["Database Design"] == "1 concept"
    # Bullets that name learnings of their own make the sub-heading a group, as before.
    assert parsed.profile.technologies == [
        LearningData("Django", "ORM and admin"),
        LearningData("Flask"),
    ]
    assert again(parsed.profile)[1] == parsed.profile


def test_emoji_and_mojibake_in_headings_still_map():
    parsed = parse_readme(sample("backend.md"))
    assert targets(parsed)["👥 Challenges & Solutions"] == "2 challenges"  # was `ðŸ‘¥`
    assert targets(parsed)["📖 About Me"] == "Overview"


def test_unknown_sections_become_extra_sections_and_code_blocks_are_not_headings():
    sections = parse_readme(sample("backend.md")).profile.sections
    assert sections == [
        SectionData(
            "🗂️ Repository Structure",
            "```\n# not a heading: a comment in a code block\nsrc/\n```",
        )
    ]


def test_frontend_readme_with_other_heading_levels_and_synonyms():
    parsed = parse_readme(sample("frontend.md"))
    profile = parsed.profile
    assert profile.headline == "Project Nexus — Gabriel"  # a setext title
    assert profile.overview == "Frontend learner who loves fast pages."
    assert profile.technologies == [
        LearningData("Next.js", "App router, server components"),
        LearningData("TypeScript", "Strict mode"),
    ]
    assert profile.concepts == [
        LearningData("State Management", "React Query caches server state"),
        LearningData("Accessibility"),
    ]
    assert profile.challenges == [
        ChallengeData("Hydration errors", "Moved `Date.now()` into `useEffect`."),
        ChallengeData("Slow images", "Used `next/image` with proper sizes."),
    ]
    assert profile.takeaways == ["Ship small PRs."]
    assert profile.sections == [SectionData("Deployment Notes", "Deployed on Vercel.")]
    assert targets(parsed)["🛠️ Tech Stack"] == "2 technologies"


def test_the_reference_readme_keeps_everything():
    profile = parse_readme(REFERENCE.read_text(encoding="utf-8")).profile
    assert profile.headline == "Project Nexus – ProDev Backend Engineering Documentation"
    assert [t.name for t in profile.technologies] == [
        "Python", "Django", "REST APIs", "GraphQL", "Docker", "CI/CD",
    ]  # fmt: skip
    assert [c.name for c in profile.concepts] == [
        "Database Design", "Asynchronous Programming", "Caching Strategies",
    ]  # fmt: skip
    assert len(profile.challenges) == 4 and len(profile.takeaways) == 5
    assert profile.challenges[1] == ChallengeData(
        "Async task failures", "Implemented Celery with Redis for reliable background processing"
    )
    titles = [s.title for s in profile.sections]
    assert titles == [
        "Project Objective",
        "Collaboration – Key to Success",
        "ProDev Tip!",
        "Repository Structure",
    ]
    collaboration = profile.sections[1].body
    assert "### 👥 Collaborate With:" in collaboration and "`#ProDevProjectNexus`" in collaboration
    assert profile.discord_handle == ""  # a channel is not the learner's handle


def test_text_around_a_list_is_kept_as_an_extra_section():
    readme = "# T\n\n## Technologies\n\nThese I used daily:\n\n- Python\n- Django\n"
    profile = parse_readme(readme).profile
    assert [t.name for t in profile.technologies] == ["Python", "Django"]
    assert profile.sections == [SectionData("Technologies", "These I used daily:")]


def test_a_name_listed_twice_is_kept_once_with_both_notes():
    parsed = parse_readme("## Technologies\n- **Docker** – compose\n- docker: swarm\n")
    assert parsed.profile.technologies == [LearningData("Docker", "compose; swarm")]
    assert parsed.notes == ["“Docker” is listed twice; it is kept once."]


def test_a_title_equal_to_the_default_means_no_headline():
    readme = "# Project Nexus – Ada\n\n## Overview\n\nHi\n"
    assert parse_readme(readme, default_title=default_title("Ada")).profile.headline == ""
    assert parse_readme(readme).profile.headline == "Project Nexus – Ada"


def test_text_without_headings_is_the_overview():
    assert parse_readme("Just some words.\n").profile.overview == "Just some words."


def test_a_readme_of_only_whitespace_is_refused():
    with pytest.raises(Invalid, match="empty"):
        parse_readme("  \n\n ")


def test_decode_refuses_an_empty_file():
    with pytest.raises(Invalid, match="empty") as caught:
        decode((SAMPLES / "empty.md").read_bytes())
    assert caught.value.status == 422


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",  # an image
        bytes(range(256)) * 4,  # anything binary
    ],
)
def test_decode_refuses_a_binary_file(data):
    with pytest.raises(NotText, match="not a text README") as caught:
        decode(data)
    assert caught.value.status == 415


def test_decode_refuses_more_than_200_kb():
    with pytest.raises(TooLarge, match="limit is 200 KB") as caught:
        decode(b"a" * (MAX_BYTES + 1))
    assert caught.value.status == 413


def test_decode_reads_utf8_with_bom_utf16_and_windows_1252():
    assert decode("\ufeff# Café".encode()) == "# Café"
    assert decode("# Café".encode("utf-16")) == "# Café"
    assert decode("# Café – ok".encode("cp1252")) == "# Café – ok"
