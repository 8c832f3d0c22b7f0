"""JSON examples: parsed to check them, stored as pretty-printed text, compared for breaks."""

import json

MAX_LENGTH = 20_000


class ExampleError(ValueError):
    """Text that is not JSON; the message names the line and column, as the parser saw it."""


def normalize(text: str | None) -> str | None:
    """Pretty-printed JSON for `text`, None for blank text, or ExampleError."""
    if text is None or not text.strip():
        return None
    if len(text) > MAX_LENGTH:
        raise ExampleError(f"Keep the example under {MAX_LENGTH:,} characters.")
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise ExampleError(
            f"Not valid JSON: line {error.lineno}, column {error.colno}: {error.msg}."
        ) from None
    except RecursionError:
        raise ExampleError("Not valid JSON: it is nested too deeply.") from None
    except ValueError as error:  # e.g. an integer of thousands of digits
        raise ExampleError(f"Not valid JSON: {error}.") from None
    return dump(value)


def _refuse_constant(name: str):
    # Python reads NaN and Infinity; JSON, JavaScript's JSON.parse and OpenAPI do not.
    raise ValueError(f"{name} is not JSON (use null or a number)")


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
