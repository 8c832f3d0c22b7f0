"""`python -m bench.markdown`: the worst Markdown we know of, at each field's limit, rendered.

Prints milliseconds per case and field, the slowest first; exits 1 if any case takes 100 ms or
more at the largest limit (`limits.MARKDOWN_LONGEST`). Renders without the cache: it measures
the first visitor's wait.
"""

import sys
import time

from nexus_board.limits import MARKDOWN, MARKDOWN_LONGEST
from nexus_board.markdown import _render

GOAL_MS = 100
# Each repeats until the field is full: what made markdown-it-py take ~40 µs a character.
PATTERNS = {
    "plain text": "lorem ipsum dolor sit amet ",
    "images opened": "![",
    "brackets opened": "[",
    "links unclosed": "[a](",
    "image refs": "![a][",
    "emphasis": "*a",
    "underscores": "_a",
    "strong and emphasis": "*a **b ",
    "strikethrough": "~~a",
    "backticks": "`a``",
    "angle brackets": "<",
    "entities": "&#",
    "quotes nested": ">",
    "lists nested": "- ",
    "table cells": "|a",
}


def cases(size: int):
    for name, pattern in PATTERNS.items():
        yield name, (pattern * (size // len(pattern) + 1))[:size]
    yield "brackets nested", "[" * (size // 2) + "]" * (size // 2)
    yield "quotes per line", "".join(">" * (i % 200) + " a\n" for i in range(size // 100))


def timed(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        _render(text, 3)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> int:
    worst = 0.0
    for field, size in sorted(MARKDOWN.items(), key=lambda item: -item[1]):
        results = sorted(((timed(text), name) for name, text in cases(size)), reverse=True)
        print(
            f"{field} ({size:,} characters): "
            + ", ".join(f"{name} {ms:.1f} ms" for ms, name in results[:4])
        )
        if size == MARKDOWN_LONGEST:
            worst = results[0][0]
    print(f"worst at {MARKDOWN_LONGEST:,} characters: {worst:.1f} ms (goal < {GOAL_MS} ms)")
    return 0 if worst < GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
