"""A contract's schemas, parameters and deprecation, checked as `specs.clean` checks the rest.

Each schema is read from JSON or YAML, checked (`schemas.checking`), and stored pretty-printed;
each example must then satisfy its schema. Error keys are the form's field names.
"""

import json
from dataclasses import dataclass
from datetime import date

from ..limits import PARAMETER_COUNT
from ..schemas import checking, validation
from . import examples, mock_rules

LOCATIONS = ("path", "query", "header")
MAX_NOTE = 500
SHOWN_ERRORS = 3


@dataclass(frozen=True)
class Checked:
    components: str | None
    request_schema: str | None
    parameters: str | None
    response_schemas: tuple[str | None, ...]  # one per response draft, in order
    sunset: date | None
    deprecation_note: str


def check(draft, path_params: list[str] | None, errors: dict) -> Checked:
    """The draft's schema fields, cleaned; problems go into `errors` under their field names."""
    components = _components(draft.components, errors)
    known = components or {}
    request_schema = _schema(draft.request_schema, known, "request_schema", errors)
    parameters = _parameters(draft.parameters, known, path_params, errors)
    responses = tuple(
        _schema(response.schema, known, f"responses-{i}-schema", errors)
        for i, response in enumerate(draft.responses)
    )
    _matches(draft.request_example, request_schema, known, "request_example", errors, True)
    for i, (response, schema) in enumerate(zip(draft.responses, responses, strict=True)):
        _matches(response.example, schema, known, f"responses-{i}-example", errors, False)
        key = f"responses-{i}-examples"
        for value in mock_rules.named(mock_rules.check_named(response.examples, key, {})).values():
            _matches(examples.dump(value), schema, known, key, errors, False)
    sunset = _sunset(draft, errors)
    note = " ".join((draft.deprecation_note or "").split())
    if len(note) > MAX_NOTE:
        errors["deprecation_note"] = f"Keep the note under {MAX_NOTE} characters."
    return Checked(
        components=_dump(components) if components else None,
        request_schema=_dump(request_schema),
        parameters=_dump(parameters) if parameters else None,
        response_schemas=tuple(_dump(schema) for schema in responses),
        sunset=sunset,
        deprecation_note=note if draft.deprecated else "",
    )


def load(text: str | None):
    """A stored schema's value (None if there is none)."""
    return None if text is None else json.loads(text)


def _dump(value) -> str | None:
    return None if value is None else examples.dump(value)


def _components(text: str, errors: dict) -> dict | None:
    try:
        value = checking.parse(
            text, chars=checking.COMPONENTS_CHARS, values=4 * checking.SCHEMA_VALUES
        )
        return checking.check_components(value) or None
    except checking.SchemaProblem as problem:
        errors["components"] = str(problem)
        return None


def _schema(text: str, components: dict, key: str, errors: dict) -> dict | None:
    try:
        value = checking.parse(text)
        return None if value is None else checking.check(value, components)
    except checking.SchemaProblem as problem:
        errors[key] = str(problem)
        return None


def _parameters(text: str, components: dict, path_params, errors: dict) -> list | None:
    try:
        value = checking.parse(text)
    except checking.SchemaProblem as problem:
        errors["parameters"] = str(problem)
        return None
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        errors["parameters"] = 'Write a list like [{"name": "page", "in": "query"}].'
        return None
    if len(value) > PARAMETER_COUNT:
        errors["parameters"] = f"List at most {PARAMETER_COUNT} parameters."
        return None
    found, seen = [], set()
    for item in value:
        problem = _parameter_problem(item, components, path_params, seen)
        if problem:
            errors["parameters"] = problem
            return None
        found.append(_parameter(item))
    return found


def _parameter_problem(item: dict, components, path_params, seen: set) -> str | None:
    name, where = item.get("name"), item.get("in")
    if not isinstance(name, str) or not 1 <= len(name) <= 100:
        return "Give each parameter a name of up to 100 characters."
    if where not in LOCATIONS:
        return f"Say where {name} goes: in path, query or header."
    if (where, name.lower()) in seen:
        return f"The {where} parameter {name} is listed twice."
    seen.add((where, name.lower()))
    if where == "path" and path_params is not None and name not in path_params:
        return f"The path has no {{{name}}}: list only its own path parameters."
    if not isinstance(item.get("required", False), bool):
        return f"Say required: true or false for {name}."
    if not isinstance(item.get("description", ""), str) or len(item.get("description", "")) > 500:
        return f"Keep the description of {name} a text under 500 characters."
    try:
        if item.get("schema") is not None:
            checking.check(item["schema"], components)
    except checking.SchemaProblem as problem:
        return f"The schema of {name}: {problem}"
    return None


def _parameter(item: dict) -> dict:
    found = {"name": item["name"], "in": item["in"],
             "required": item["in"] == "path" or bool(item.get("required"))}  # fmt: skip
    if item.get("description"):
        found["description"] = item["description"]
    if item.get("schema") is not None:
        found["schema"] = item["schema"]
    return found


def _matches(example_text: str, schema, components: dict, key: str, errors: dict, sent: bool):
    if schema is None or key in errors or not (example_text or "").strip():
        return
    try:
        value = examples.load(examples.normalize(example_text))
        problems = validation.errors(schema, value, components, sent=sent)
    except examples.ExampleError:
        return  # said on the example already
    except validation.TooComplex:
        errors[key] = "The schema is too complex to check this example against: simplify it."
        return
    if problems:
        shown = "; ".join(f"{p['path']}: {p['message']}" for p in problems[:SHOWN_ERRORS])
        more = f" (and {len(problems) - SHOWN_ERRORS} more)" if len(problems) > SHOWN_ERRORS else ""
        errors[key] = f"The example does not match its schema: {shown}{more}."


def _sunset(draft, errors: dict) -> date | None:
    text = (draft.sunset or "").strip()
    if not text:
        return None
    if not draft.deprecated:
        errors["sunset"] = "Mark the contract deprecated to give it a sunset date."
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        errors["sunset"] = "Use a date like 2027-06-30."
        return None
