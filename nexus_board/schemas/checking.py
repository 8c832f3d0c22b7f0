"""Reading a schema typed or sent by a learner, and checking it before it is stored.

A schema is refused, with a reason a person can act on, when it is not JSON or YAML, too large
or deep, not a 2020-12 schema, points outside the contract, or has a pattern RE2 cannot run.
"""

import json

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

from .. import json_values, yaml_values
from ..limits import (
    COMPONENT_COUNT,
    COMPONENTS_CHARS,
    SCHEMA_CHARS,
    SCHEMA_DEPTH,
    SCHEMA_PATTERN_CHARS,
    SCHEMA_VALUES,
)
from . import COMPONENTS_PREFIX
from .refs import lookup
from .validation import compile_pattern

UNSUPPORTED = ("$id", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$anchor")
_META = Draft202012Validator(Draft202012Validator.META_SCHEMA)


class SchemaProblem(ValueError):
    """A schema that cannot be stored; the message says why, for a person."""


def parse(text: str | None, *, chars: int = SCHEMA_CHARS, values: int = SCHEMA_VALUES):
    """The value of JSON or YAML `text` (None for blank), bounded; SchemaProblem otherwise."""
    if text is None or not text.strip():
        return None
    if len(text) > chars:
        raise SchemaProblem(f"Keep it under {chars:,} characters.")
    try:
        if text.lstrip().startswith(("{", "[")):
            value = json_values.loads(text, depth=SCHEMA_DEPTH, values=values)
        else:
            value = yaml_values.plain(yaml_values.load(text))
            json_values.check(value, depth=SCHEMA_DEPTH, values=values)
    except json_values.Refused as error:
        raise SchemaProblem(str(error)) from None
    except yaml.YAMLError as error:
        raise SchemaProblem(yaml_values.problem(error)) from None
    except RecursionError:
        raise SchemaProblem(f"It is nested more than {SCHEMA_DEPTH} levels deep.") from None
    return value


def check(schema, components: dict | None = None) -> dict:
    """`schema` if it is a 2020-12 schema whose `$ref`s all land in `components`."""
    if not isinstance(schema, dict):
        raise SchemaProblem('Write the schema as an object, like {"type": "object"}.')
    json_values.check(schema, depth=SCHEMA_DEPTH, values=SCHEMA_VALUES)
    error = next(_META.iter_errors(schema), None)
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path)
        message = str(SchemaError.create_from(error).message)[:200]
        raise SchemaProblem(f"Not a JSON Schema: {message}" + (f" (at {where})" if where else ""))
    _walk(schema, components or {})
    return schema


def check_components(value) -> dict:
    """Named schemas {"Product": {...}}, each checked against all of them."""
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise SchemaProblem('Write the named schemas as an object: {"Product": {"type": …}}.')
    if len(value) > COMPONENT_COUNT:
        raise SchemaProblem(f"Use at most {COMPONENT_COUNT} named schemas.")
    if len(json.dumps(value)) > COMPONENTS_CHARS:
        raise SchemaProblem(f"Keep the named schemas under {COMPONENTS_CHARS:,} characters.")
    for name, schema in value.items():
        try:
            check(schema, value)
        except SchemaProblem as problem:
            raise SchemaProblem(f"{name}: {problem}") from None
    return value


def _walk(schema: dict, components: dict) -> None:
    """Every `$ref` local and resolvable, every pattern runnable: one loop, no recursion."""
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        for keyword in UNSUPPORTED:
            if keyword in node:
                raise SchemaProblem(f"{keyword} is not supported: name schemas in components.")
        ref = node.get("$ref")
        if isinstance(ref, str):
            _check_ref(ref, components)
        pattern = node.get("pattern")
        if isinstance(pattern, str):
            _check_pattern(pattern)
        if isinstance(node.get("patternProperties"), dict):
            for key in node["patternProperties"]:
                _check_pattern(key)
        stack.extend(node.values())


def _check_ref(ref: str, components: dict) -> None:
    if not ref.startswith(COMPONENTS_PREFIX):
        raise SchemaProblem(
            f"The reference {ref[:100]!r} points outside this contract: refer to a named "
            f"schema as {COMPONENTS_PREFIX}Name."
        )
    if lookup(ref, components) is None:
        name = ref.removeprefix(COMPONENTS_PREFIX)
        raise SchemaProblem(f"The reference {ref[:100]!r} names no schema: add {name[:60]}.")


def _check_pattern(pattern: str) -> None:
    if len(pattern) > SCHEMA_PATTERN_CHARS:
        raise SchemaProblem(f"Keep each pattern under {SCHEMA_PATTERN_CHARS:,} characters.")
    try:
        compile_pattern(pattern)
    except Exception:  # re2.error, and TypeError for text it cannot take
        raise SchemaProblem(
            f"The pattern {pattern[:60]!r} cannot be checked in linear time (look-arounds "
            "and back-references are not supported): simplify it."
        ) from None
