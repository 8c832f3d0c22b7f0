"""Hypothesis strategies for profiles shaped as the services store them."""

from hypothesis import strategies as st

from nexus_board.profiles.readme import default_title
from nexus_board.profiles.rules import clean_name, one_line, topic_key
from nexus_board.profiles.values import ChallengeData, LearningData, ProfileData, SectionData

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éüßÅ–’🚀"
# Single-line plain text with every character Markdown treats specially.
PUNCTUATION = " *_`[]<>#|&!\\.,:;-()/+~=\"'"
KNOWN_TITLES = ["Takeaways", "Tools", "Overview", "Challenges", "Major Learnings", "Contact"]

words = st.text(LETTERS, min_size=1, max_size=8)
line = st.lists(words, min_size=1, max_size=6).map(" ".join)
plain = st.text(LETTERS + PUNCTUATION, min_size=1, max_size=40).map(one_line).filter(bool)
title = st.one_of(plain, st.sampled_from(KNOWN_TITLES), line)
inline = st.lists(
    st.one_of(words, words.map(lambda w: f"**{w}**"), words.map(lambda w: f"`{w}`")),
    min_size=1,
    max_size=6,
).map(" ".join)


def _paragraph():
    return st.lists(inline, min_size=1, max_size=3).map("\n".join)


def _block(heading_level: int):
    return st.one_of(
        _paragraph(),
        st.lists(inline, min_size=1, max_size=3).map(
            lambda items: "\n".join(f"- {i}" for i in items)
        ),
        st.lists(line, min_size=1, max_size=3).map(
            lambda lines: "```\n" + "\n".join(lines) + "\n```"
        ),
        st.one_of(line, st.sampled_from(KNOWN_TITLES)).map(lambda t: "#" * heading_level + " " + t),
    )


def markdown(heading_level: int = 4, min_blocks: int = 1):
    return st.lists(_block(heading_level), min_size=min_blocks, max_size=4).map("\n\n".join)


# What an imported table's extra columns leave at the end of a solution: `**Time spent:** 2 days`.
extra_cells = st.lists(
    st.tuples(st.one_of(plain, st.sampled_from(["#", "Time spent", "Solution", "Tools"])), inline),
    max_size=2,
).map(lambda cells: "\n\n".join(f"**{name}:** {value}" for name, value in cells))


def solutions():
    main = st.one_of(st.just(""), inline, markdown())
    return st.tuples(main, extra_cells).map(lambda parts: "\n\n".join(filter(None, parts)))


@st.composite
def learnings(draw):
    names = draw(st.lists(plain.map(clean_name).filter(bool), max_size=6, unique_by=topic_key))
    notes = draw(
        st.lists(st.one_of(st.just(""), plain, inline), min_size=len(names), max_size=len(names))
    )
    return [LearningData(n, note) for n, note in zip(names, notes, strict=True)]


@st.composite
def profiles(draw, display_name="Ada Okafor"):
    all_learnings = draw(learnings())
    split = draw(st.integers(0, len(all_learnings)))
    names = [item.name for item in all_learnings]
    challenges = draw(
        st.lists(
            st.builds(
                ChallengeData,
                title=title,
                solution=solutions(),
                tags=st.lists(st.sampled_from(names), unique=True).map(tuple)
                if names
                else st.just(()),
            ),
            max_size=4,
        )
    )
    headline = draw(st.one_of(st.just(""), title))
    if headline == default_title(display_name):
        headline = ""
    return ProfileData(
        headline=headline,
        overview=draw(st.one_of(st.just(""), markdown(heading_level=3))),
        project_focus=draw(st.one_of(st.just(""), markdown(heading_level=3))),
        discord_handle=draw(
            st.one_of(st.just(""), st.from_regex(r"[a-z0-9_.]{2,32}", fullmatch=True))
        ),
        github_url=draw(
            st.one_of(
                st.just(""), st.from_regex(r"https://github\.com/[a-z0-9]{1,20}", fullmatch=True)
            )
        ),
        technologies=all_learnings[:split],
        concepts=all_learnings[split:],
        challenges=challenges,
        takeaways=draw(st.lists(markdown(heading_level=4), max_size=12)),
        sections=draw(
            st.lists(
                st.builds(
                    SectionData,
                    title=title,
                    body=st.one_of(st.just(""), markdown(heading_level=3)),
                ),
                max_size=3,
            )
        ),
    )
