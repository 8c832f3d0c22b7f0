"""What a valid profile value looks like: limits, clean-ups and the checks behind each error
message. Shared by the editing services and the README import, so both store the same shapes."""

import re
import unicodedata

from ..limits import MARKDOWN
from ..numbers import LARGEST_ID, whole_number

LIMITS = {
    "headline": 200,
    "overview": MARKDOWN["overview"],
    "project_focus": MARKDOWN["project_focus"],
    "discord_handle": 40,
    "github_url": 200,
    "name": 120,
    "note": 500,
    "title": 300,
    "solution": MARKDOWN["solution"],
    "text": MARKDOWN["takeaway"],
    "section_title": 200,
    "body": MARKDOWN["section_body"],
}
MAX_ITEMS = 200  # per list: a profile page shows every item, so lists stay short

DISCORD = re.compile(r"[A-Za-z0-9_.]{2,32}(#\d{4})?")
GITHUB = re.compile(r"https://github\.com/[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(/[A-Za-z0-9._-]+)*")


def one_line(text: str | None) -> str:
    """A single-line value: every run of whitespace becomes one space."""
    return " ".join((text or "").split())


def clean_name(text: str | None) -> str:
    """A learning name: one line, without the trailing colon of `**Docker:**`."""
    return one_line(text).rstrip(":").rstrip()


def topic_key(name: str) -> str:
    """The case-insensitive identity of a topic name ("REST  apis" → "rest apis")."""
    return unicodedata.normalize("NFKC", clean_name(name)).casefold()


def clean_markdown(text: str | None) -> str:
    """Markdown as stored: Unix line ends, no blank lines around it, no trailing space."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(lines).rstrip()


def clean_discord(text: str | None) -> str:
    return one_line(text).removeprefix("@")


def clean_github(text: str | None) -> str:
    """Accept `github.com/ada` or `http://…` too, and store the https address."""
    url = one_line(text).rstrip("/")
    for prefix in ("http://", "https://", "www."):
        url = url.removeprefix(prefix) if url.lower().startswith(prefix) else url
    if url.lower().startswith(("github.com/", "www.github.com/")):
        url = "https://github.com/" + url.split("/", 1)[1]
    return url


def check_length(errors: dict, field: str, value: str, limit_name: str, label: str) -> None:
    limit = LIMITS[limit_name]
    if len(value) > limit:
        errors[field] = f"{label} is {len(value):,} characters; the limit is {limit:,}."


def check_name(errors: dict, field: str, name: str) -> None:
    """A learning name: given, and short enough both as written and as its topic key."""
    check_required(errors, field, name, "Enter a technology or concept, like Docker.")
    check_length(errors, field, name, "name", "The name")
    key = topic_key(name)
    if field not in errors and len(key) > LIMITS["name"]:
        errors[field] = (
            f"The name counts as {len(key):,} characters once letters like ß or ligatures are "
            f"spelled out; the limit is {LIMITS['name']:,}."
        )


def name_fits(name: str) -> bool:
    errors = {}
    check_name(errors, "name", name)
    return not errors


def parse_ids(values) -> set[int] | None:
    """Row ids as a form sends them ("12"), or None if any is not one ("²", "-1", 10**25)."""
    ids = set()
    for value in values:
        number = whole_number(str(value).strip(), low=1, high=LARGEST_ID)
        if number is None:
            return None
        ids.add(number)
    return ids


def check_required(errors: dict, field: str, value: str, message: str) -> None:
    if not value:
        errors[field] = message


def discord_error(handle: str) -> str | None:
    if handle and not DISCORD.fullmatch(handle):
        return "Enter your Discord username, like ada_okafor (2–32 letters, digits, _ or .)."
    return None


def github_error(url: str) -> str | None:
    if url and (len(url) > LIMITS["github_url"] or not GITHUB.fullmatch(url)):
        return "Enter your GitHub address, like https://github.com/ada-okafor."
    return None
