"""JSON examples: parsed to check them, stored as pretty-printed text, compared for breaks."""

import json

from .. import json_values
from ..limits import EXAMPLE_CHARS

MAX_LENGTH = EXAMPLE_CHARS


class ExampleError(ValueError):
    """Text that is not JSON; the message names the line and column, as the parser saw it."""


def normalize(text: str | None) -> str | None:
    """Pretty-printed JSON for `text`, None for blank text, or ExampleError."""
    if text is None or not text.strip():
        return None
    if len(text) > MAX_LENGTH:
        raise ExampleError(f"Keep the example under {MAX_LENGTH:,} characters.")
    try:
        value = json_values.loads(text)  # deep nesting is refused here, before genson sees it
    except json_values.Refused as error:
        raise ExampleError(str(error)) from None
    return dump(value)


def problem(texts) -> str | None:
    """Why one of the stored examples `texts` cannot be documented or checked against, or None.

    Examples saved before deep nesting was refused can hold what genson cannot infer from.
    """
    for text in texts:
        try:
            if text is not None:
                json_values.check(load(text))
        except (ValueError, RecursionError) as error:
            detail = str(error) if isinstance(error, ValueError) else "It is nested too deeply."
            return f"An example cannot be documented: {detail} Edit the example to fix it."
    return None


def dump(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def load(text: str | None):
    """The value of a stored example (None if there is none)."""
    return None if text is None else json.loads(text)


def shape(value, prefix: str = "") -> dict[str, str]:
    """Every key path in `value` with its JSON type: {"data.items[].price": "number"}.

    Lists contribute the keys of all their items, so one example item stands for the rest.
    """
    found = {}
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            found[path] = json_type(item)
            found.update(shape(item, path))
    elif isinstance(value, list):
        for item in value:
            for key, kind in shape(item, f"{prefix}[]").items():
                if found.get(key, "null") == "null":  # a typed example beats a null one
                    found[key] = kind
    return found


def json_type(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"
