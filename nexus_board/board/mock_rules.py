"""What a contract tells its mock beyond one example: named examples, and dispatch rules.

Named examples sit beside a response's example (which is named "default"), as an object
`{"missing": {...}}`. A dispatch rule picks a response and example from the request:
`{"in": "path", "name": "id", "equals": "0", "status": 404, "example": "missing"}`; `in` is
`path`, `query` or `body` (`name` then a dot path such as `customer.id`, digits for list
items). The first rule that matches wins. Error keys are the form's field names.
"""

import json
import re

from .. import json_values
from ..limits import DISPATCH_RULES, NAMED_EXAMPLES
from . import examples

DEFAULT = "default"
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,39}")
WHERE = ("path", "query", "body")
RULE_KEYS = {"in", "name", "equals", "status", "example"}
VALUE_CHARS = 200


def check_named(text: str | None, key: str, errors: dict) -> str | None:
    """A response's named examples as stored JSON text (None for none), or an error at `key`."""
    if text is None or not text.strip():
        return None
    try:
        value = json_values.loads(text) if len(text) <= 2 * examples.MAX_LENGTH else None
    except json_values.Refused as error:
        errors[key] = f"Write a JSON object of named examples: {error}"
        return None
    if not isinstance(value, dict) or not value:
        errors[key] = 'Write a JSON object: {"missing": {"detail": "Not found."}}.'
        return None
    if len(value) > NAMED_EXAMPLES:
        errors[key] = f"Name at most {NAMED_EXAMPLES} examples per response."
        return None
    for name, example in value.items():
        if not NAME.fullmatch(name) or name == DEFAULT:
            errors[key] = f"Name examples with letters, digits, - _ . (not {name[:40]!r})."
            return None
        if len(examples.dump(example)) > examples.MAX_LENGTH:
            errors[key] = f"Keep each example under {examples.MAX_LENGTH:,} characters."
            return None
    return examples.dump(value)


def named(text: str | None) -> dict:
    """The stored named examples as {name: value}."""
    return {} if text is None else json.loads(text)


def check_dispatch(text: str | None, responses, errors: dict) -> str | None:
    """The rules as stored JSON text (None for none), checked against the listed responses."""
    if text is None or not text.strip():
        return None
    try:
        rules = json_values.loads(text) if len(text) <= 50_000 else None
    except json_values.Refused as error:
        errors["dispatch"] = f"Write the rules as a JSON list: {error}"
        return None
    if not isinstance(rules, list) or not all(isinstance(rule, dict) for rule in rules):
        errors["dispatch"] = (
            'Write a list like [{"in": "path", "name": "id", "equals": "0", "status": 404}].'
        )
        return None
    if len(rules) > DISPATCH_RULES:
        errors["dispatch"] = f"Use at most {DISPATCH_RULES} rules."
        return None
    by_code = {r.status_code: r for r in responses}
    cleaned = []
    for number, rule in enumerate(rules, 1):
        problem = rule_problem(rule, by_code)
        if problem:
            errors["dispatch"] = f"Rule {number}: {problem}"
            return None
        cleaned.append(_clean_rule(rule))
    return examples.dump(cleaned) if cleaned else None


def rule_problem(rule: dict, by_code: dict) -> str | None:
    """Why `rule` cannot pick an answer among the responses `by_code`, or None."""
    if set(rule) - RULE_KEYS:
        return f"use only the keys {', '.join(sorted(RULE_KEYS))}."
    if rule.get("in") not in WHERE:
        return "say where the value is: in path, query or body."
    name = rule.get("name")
    if not isinstance(name, str) or not 1 <= len(name) <= 100:
        return "name the parameter or body field, in up to 100 characters."
    equals = rule.get("equals")
    if not isinstance(equals, str | int | float | bool) or len(str(equals)) > VALUE_CHARS:
        return f"give the value to compare with, up to {VALUE_CHARS} characters."
    status = rule.get("status")
    if isinstance(status, str) and status.isdigit():
        status = int(status)
    if status not in by_code:
        listed = ", ".join(map(str, sorted(by_code))) or "none"
        return f"the contract lists no {status} response (it lists {listed})."
    example = rule.get("example") or DEFAULT
    if example != DEFAULT and example not in named(by_code[status].examples):
        return f"the {status} response has no example named {example!r}."
    return None


def _clean_rule(rule: dict) -> dict:
    cleaned = {"in": rule["in"], "name": rule["name"].strip(), "equals": _text(rule["equals"]),
               "status": int(rule["status"])}  # fmt: skip
    if rule.get("example") and rule["example"] != DEFAULT:
        cleaned["example"] = rule["example"]
    return cleaned


def _text(value) -> str:
    """A rule compares text: 0 and "0" are one value, true is "true"."""
    return value if isinstance(value, str) else json.dumps(value)


def rules(text: str | None) -> list[dict]:
    return [] if text is None else json.loads(text)
