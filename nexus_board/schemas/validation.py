"""Where a value breaks a schema: lazily, the first few problems, within a step budget.

The validator resolves `$ref` only among the contract's own named schemas (a remote one is an
error, never a download), matches `pattern` with RE2, and counts every keyword it applies: an
anyOf over a recursive schema cannot multiply the work past `SCHEMA_CHECK_STEPS` checks or
`SCHEMA_CHECK_SECONDS`.
"""

import time
from contextvars import ContextVar
from itertools import islice

import re2
from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError
from referencing import Registry
from referencing.exceptions import NoSuchResource

from ..limits import MOCK_ERRORS, SCHEMA_CHECK_SECONDS, SCHEMA_CHECK_STEPS
from .refs import resolve

MAX_ERRORS = MOCK_ERRORS
MESSAGE_CHARS = 200
_steps: ContextVar[list] = ContextVar("schema_steps")  # [steps left, deadline]
_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # a bad pattern is our answer to give, not a line on stderr


class TooComplex(Exception):
    """Checking the value took more than `SCHEMA_CHECK_STEPS` keyword checks, or too long."""


def compile_pattern(pattern: str):
    """The RE2 pattern, or re2.error for one RE2 cannot run (look-arounds, back-references)."""
    return re2.compile(pattern, _OPTIONS)


def _pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not compile_pattern(pattern).search(instance):
        yield ValidationError(f"{_short(instance)} does not match {_short(pattern)}")


def _pattern_properties(validator, patterns, instance, schema):
    if not validator.is_type(instance, "object"):
        return
    for pattern, subschema in patterns.items():
        compiled = compile_pattern(pattern)
        for key, value in instance.items():
            if compiled.search(key):
                yield from validator.descend(value, subschema, path=key, schema_path=pattern)


def _counted(keyword):
    def check(validator, value, instance, schema):
        steps = _steps.get()
        steps[0] -= 1
        if steps[0] < 0 or (steps[0] % 64 == 0 and time.monotonic() > steps[1]):
            raise TooComplex
        yield from keyword(validator, value, instance, schema)

    return check


_KEYWORDS = dict(Draft202012Validator.VALIDATORS)
_KEYWORDS |= {"pattern": _pattern, "patternProperties": _pattern_properties}
Validator = validators.extend(
    Draft202012Validator, {name: _counted(check) for name, check in _KEYWORDS.items()}
)
_FORMATS = Draft202012Validator.FORMAT_CHECKER
_FORMATS.checkers.pop("regex", None)  # Python's re on a user's text: not here


def _nothing_outside(uri: str):
    raise NoSuchResource(ref=uri)


NO_REMOTE = Registry(retrieve=_nothing_outside)


def rooted(schema: dict, components: dict | None) -> dict:
    """`schema` with the named schemas beside it, where its `#/components/schemas/…` point."""
    if not components:
        return schema
    return {**schema, "components": {"schemas": components}}


def errors(schema: dict, value, components: dict | None = None, *, sent: bool | None = None,
           kept: dict | None = None):  # fmt: skip
    """Where `value` breaks `schema`: [{"path": "$.items[0].id", "message", "location":
    ["items", 0, "id"], "keyword": "type"}], at most 20.

    `sent`: True for what a client sends (its readOnly fields are never required), False for
    what it receives (nor are writeOnly ones), None for neither. TooComplex past the step
    budget. The validator stops at the 20th problem: a body of a million wrong items costs 20.
    `kept`: for a hot path (the mock), a dict that lives as long as `schema` does, where the
    validator is kept under the schema's id, so it is built once.
    """
    checker = kept.get(id(schema)) if kept is not None else None
    if checker is None:
        checker = _checker(schema, components, sent)
        if kept is not None:
            kept[id(schema)] = checker
    token = _steps.set([SCHEMA_CHECK_STEPS, time.monotonic() + SCHEMA_CHECK_SECONDS])
    try:
        found = list(islice(checker.iter_errors(value), MAX_ERRORS))
    finally:
        _steps.reset(token)
    ordered = sorted(found, key=lambda e: list(map(str, e.path)))
    return [
        {"path": _json_path(e.absolute_path), "message": _short_message(e),
         "location": list(e.absolute_path), "keyword": str(e.validator)}
        for e in ordered
    ]  # fmt: skip


def _checker(schema: dict, components: dict | None, sent: bool | None):
    if sent is not None:
        hidden = "readOnly" if sent else "writeOnly"
        schema = _unrequired(schema, components or {}, hidden)
        components = {k: _unrequired(v, components, hidden) for k, v in (components or {}).items()}
    return Validator(rooted(schema, components), registry=NO_REMOTE, format_checker=_FORMATS)


def _unrequired(schema, components: dict, hidden: str):
    """`schema` with fields marked `hidden` (readOnly, writeOnly) taken out of `required`.

    Schemas are bounded in depth when stored, so the recursion is too.
    """
    if isinstance(schema, list):
        return [_unrequired(item, components, hidden) for item in schema]
    if not isinstance(schema, dict):
        return schema
    found = {key: _unrequired(value, components, hidden) for key, value in schema.items()}
    properties, required = schema.get("properties"), schema.get("required")
    if isinstance(properties, dict) and isinstance(required, list):
        found["required"] = [
            name for name in required
            if not (isinstance(properties.get(name), dict)
                    and resolve(properties[name], components).get(hidden))
        ]  # fmt: skip
    return found


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _short_message(error: ValidationError) -> str:
    message = error.message
    return message if len(message) <= MESSAGE_CHARS else message[: MESSAGE_CHARS - 1] + "…"


def _json_path(parts) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path
