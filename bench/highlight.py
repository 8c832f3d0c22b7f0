"""`python -m bench.highlight`: the worst input we know of for each highlighted language, at
the limits of limits.py, through Pygments.

Prints the slowest pattern per language and exits 1 if any takes 300 ms or more: one Markdown
text highlights at most HIGHLIGHT_CODE_CHARS (JSON examples: HIGHLIGHT_JSON_CHARS).
"""

import sys
import time

from nexus_board.highlighting import LANGUAGES, highlight, highlightable
from nexus_board.limits import HIGHLIGHT_CODE_CHARS, HIGHLIGHT_JSON_CHARS, HIGHLIGHT_LINE_CHARS

GOAL_MS = 300
# Openers lexers search forward from (strings, comments, templates, heredocs), repeated.
PATTERNS = ['"\\', "/*", "'", "<!--", "{{", "${", "`", '"', "<a ", "#", "-- ", "[[", "{", "\\",
            "&#", "<?", '"""', "0x", "@", "$(", "<<EOF", "::", "a.b.", "-", "/", "*", "%", "!",
            "a=", '"a":', "[", ":", "{%", "#{", " ", "$ ", "> "]  # fmt: skip


def case(language: str, pattern: str) -> str:
    size = HIGHLIGHT_JSON_CHARS if LANGUAGES[language] == "json" else HIGHLIGHT_CODE_CHARS
    line = (pattern * (HIGHLIGHT_LINE_CHARS // len(pattern) + 1))[:HIGHLIGHT_LINE_CHARS]
    text = "\n".join([line] * (size // (HIGHLIGHT_LINE_CHARS + 1)))
    assert highlightable(text, language), (language, pattern)
    return text


def timed(text: str, language: str) -> float:
    start = time.perf_counter()
    highlight(text, language)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    worst = 0.0
    for language in sorted(set(LANGUAGES.values())):
        ms, pattern = max((timed(case(language, p), language), p) for p in PATTERNS)
        print(f"{language}: {ms:.0f} ms ({pattern!r} repeated)", flush=True)
        worst = max(worst, ms)
    print(f"worst: {worst:.0f} ms (goal < {GOAL_MS} ms)")
    return 0 if worst < GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
