"""JSON from untrusted text, bounded: the C parser reads it, then one loop (no recursion) checks
its depth, its number of values and every string, before anything else walks it.

Request bodies, stored examples, uploaded OpenAPI documents and cursors all come through here,
so genson, jsonschema and json.dumps (all recursive) only ever see shallow values.
"""

import json
import math
import re

from .limits import JSON_DEPTH, JSON_VALUES

# NUL (PostgreSQL text cannot hold it) and UTF-16 surrogates (no UTF-8 encoding exists for them).
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class Refused(ValueError):
    """JSON that cannot be accepted; the message says why, for a person."""


class TooMany(Refused):
    """More values than the caller takes (a 413 rather than a 400)."""


def loads(text: str | bytes, *, depth: int = JSON_DEPTH, values: int = JSON_VALUES):
    """The value of `text`, or Refused: not JSON, too deep, too many values, bad characters."""
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise Refused(
            f"Not valid JSON: line {error.lineno}, column {error.colno}: {error.msg}."
        ) from None
    except RecursionError:
        raise Refused(f"It is nested more than {depth} levels deep.") from None
    except ValueError as error:  # not UTF-8, or an integer of thousands of digits
        raise Refused(f"Not valid JSON: {error}.") from None
    check(value, depth=depth, values=values)
    return value


def check(value, *, depth: int = JSON_DEPTH, values: int = JSON_VALUES) -> None:
    """Refused unless `value` nests at most `depth` containers deep in at most `values` values.

    Works on anything json or YAML parsing gives (other scalars pass as they are).
    """
    stack = [(value, 0)]
    seen = 0
    while stack:
        item, level = stack.pop()
        seen += 1
        if seen > values:
            raise TooMany(f"It holds more than {values:,} values.")
        if isinstance(item, dict):
            if level >= depth:
                raise Refused(f"It is nested more than {depth} levels deep.")
            for key, member in item.items():
                if isinstance(key, str):
                    _check_text(key)
                stack.append((member, level + 1))
        elif isinstance(item, list):
            if level >= depth:
                raise Refused(f"It is nested more than {depth} levels deep.")
            stack.extend((member, level + 1) for member in item)
        elif isinstance(item, str):
            _check_text(item)
        elif isinstance(item, float) and not math.isfinite(item):
            raise Refused("A number in it is too large for JSON (like 1e400).")


def text_problem(text: str) -> str | None:
    """Why `text` cannot be stored (a NUL, a lone surrogate), or None."""
    found = UNSTORABLE.search(text)
    if found is None:
        return None
    if found.group() == "\x00":
        return "It contains a NUL character, which no field can hold."
    return "It contains a lone UTF-16 surrogate (like \\ud800), which is not a character."


def _check_text(text: str) -> None:
    problem = text_problem(text)
    if problem:
        raise Refused(problem)


def _refuse_constant(name: str):
    # Python reads NaN and Infinity; JSON, JavaScript's JSON.parse and OpenAPI do not.
    raise ValueError(f"{name} is not JSON (use null or a number)")
