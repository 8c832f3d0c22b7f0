"""Which response and example answer a request: `Prefer`, then dispatch rules, then the default.

As Prism reads it, `Prefer: code=404, example=missing, dynamic=true, seed=7`. Without one, the
contract's dispatch rules look at the request (a path parameter, a query parameter or a JSON
body field equal to a value); the first match picks the answer. Otherwise: the first 2xx.
"""

import json
import re
from dataclasses import dataclass

from flask import request

from .. import json_values
from ..limits import MOCK_CHECKED_VALUES
from ..numbers import whole_number

DEFAULT = "default"
PREFERENCE = re.compile(r"([A-Za-z]+)\s*=\s*\"?([^\s,;\"]*)\"?")


class NoSuchResponse(LookupError):
    """The caller preferred a status code or example the contract does not describe."""


@dataclass(frozen=True)
class Preferences:
    code: int | None = None
    example: str | None = None
    dynamic: bool = False
    seed: int | None = None


@dataclass(frozen=True)
class Choice:
    status: int
    example: str | None  # stored JSON text, None for no body
    name: str  # which example ("default" when the response has one)


def preferences(header: str | None) -> Preferences:
    """The Prefer header's mock preferences; unknown ones are ignored, as RFC 7240 says."""
    if not header:
        return Preferences()
    found = {key.lower(): value for key, value in PREFERENCE.findall(header[:500])}
    code = whole_number(found.get("code", ""), high=599)
    seed = whole_number(found.get("seed", ""))
    return Preferences(code, found.get("example") or None, found.get("dynamic") == "true", seed)


def choose(route: dict, wanted: Preferences, path_values: dict) -> Choice:
    """The answer for this request; NoSuchResponse for a preference the contract lacks."""
    responses = route["responses"]
    if wanted.code is not None or wanted.example is not None:
        return _preferred(responses, wanted)
    rule = _matching_rule(route["dispatch"], path_values)
    if rule is not None:
        return _pick(responses, rule["status"], rule.get("example", DEFAULT))
    codes = sorted(responses)
    if not codes:
        return Choice(204, None, DEFAULT)
    code = next((c for c in codes if 200 <= c < 300), codes[0])
    return _pick(responses, code, DEFAULT)


def _preferred(responses: dict, wanted: Preferences) -> Choice:
    if wanted.code is not None and wanted.code not in responses:
        codes = ", ".join(map(str, sorted(responses)))
        raise NoSuchResponse(f"The contract has no {wanted.code} response; it has {codes}.")
    if wanted.example is None:
        return _pick(responses, wanted.code, DEFAULT)
    codes = [wanted.code] if wanted.code is not None else _success_first(responses)
    for code in codes:
        if wanted.example in responses[code]:
            return _pick(responses, code, wanted.example)
    names = sorted({name for code in codes for name in responses[code]})
    raise NoSuchResponse(
        f"No example named {wanted.example!r}; the contract has {', '.join(names) or 'none'}."
    )


def _success_first(responses: dict) -> list[int]:
    return sorted(responses, key=lambda code: (not 200 <= code < 300, code))


def _pick(responses: dict, code: int, name: str) -> Choice:
    named = responses[code]
    return Choice(code, named.get(name, named.get(DEFAULT)), name if name in named else DEFAULT)


def _matching_rule(rules: list[dict], path_values: dict) -> dict | None:
    if not rules:
        return None
    body = _body() if any(rule["in"] == "body" for rule in rules) else None
    for rule in rules:
        if rule["in"] == "path":
            value = path_values.get(rule["name"])
        elif rule["in"] == "query":
            value = request.args.get(rule["name"])
        else:
            value = _field(body, rule["name"])
        if value is not None and value == rule["equals"]:
            return rule
    return None


def _body():
    try:
        return json_values.loads(request.get_data(cache=True), values=MOCK_CHECKED_VALUES)
    except json_values.Refused:
        return None


def _field(body, dotted: str) -> str | None:
    """The text of the body field at `customer.id` or `lines.0.sku`, or None."""
    value = body
    for part in dotted.split("."):
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    if value is None or isinstance(value, dict | list):
        return None
    return value if isinstance(value, str) else json.dumps(value)
