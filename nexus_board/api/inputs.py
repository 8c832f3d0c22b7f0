"""Reading a contract from a JSON body into the board's draft, with the board's field names.

Types are checked here; the board's own rules (`specs.clean`) check the values, and their
messages come back keyed as JSON paths: `responses[0].example`.
"""

import json
import re
from dataclasses import replace

from ..board.specs import ContractDraft, ResponseDraft
from ..errors import Invalid

TEXT = ("project", "method", "path", "summary", "description", "sunset", "deprecation_note")
# JSON values, stored as JSON text.
SCHEMAS = ("request_schema", "parameters", "components", "dispatch")
NESTED = re.compile(r"responses-(\d+)-(\w+)")
NOT_SAVED = "The contract was not saved: check the marked fields."


def draft_from(body, base: ContractDraft | None = None) -> ContractDraft:
    """A draft from a JSON object; with `base`, only the fields given replace base's."""
    if not isinstance(body, dict):
        raise Invalid("Send the contract as a JSON object.", errors={"$": "Expected an object."})
    errors: dict[str, str] = {}
    draft = base or ContractDraft()
    values = {}
    for name in TEXT:
        if name in body:
            values[name] = _text(body[name], name, errors)
    for flag in ("auth_required", "deprecated"):
        if flag in body:
            if isinstance(body[flag], bool):
                values[flag] = body[flag]
            else:
                errors[flag] = "Use true or false."
    for name in SCHEMAS:
        if name in body:
            values[name] = _example(body[name])
    if "request_example" in body:
        values["request_example"] = _example(body["request_example"])
    if "tags" in body:
        values["tags"] = _tags(body["tags"], errors)
    if "responses" in body:
        values["responses"] = _responses(body["responses"], errors)
    if errors:
        raise Invalid(NOT_SAVED, errors=errors)
    return replace(draft, **values)


def json_errors(error: Invalid) -> Invalid:
    """The same error, with form field names (responses-0-example) as JSON paths."""
    errors = {}
    for name, message in error.errors.items():
        nested = NESTED.fullmatch(name)
        errors[f"responses[{nested[1]}].{nested[2]}" if nested else name] = message
    return type(error)(error.message, errors=errors)


def _text(value, name: str, errors: dict) -> str:
    if isinstance(value, str):
        return value
    if value is None and name in ("description", "sunset", "deprecation_note"):
        return ""
    errors[name] = "Use a string."
    return ""


def _example(value) -> str:
    """Any JSON value is an example; null means none."""
    return "" if value is None else json.dumps(value, ensure_ascii=False)


def _tags(value, errors: dict) -> str:
    if isinstance(value, list) and all(isinstance(tag, str) for tag in value):
        return ", ".join(value)
    errors["tags"] = 'Use a list of strings, like ["products", "catalog"].'
    return ""


def _responses(value, errors: dict) -> list[ResponseDraft]:
    if not isinstance(value, list):
        errors["responses"] = "Use a list of {status_code, description, example} objects."
        return []
    drafts = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            errors[f"responses[{i}]"] = (
                "Use an object with status_code, description, example and schema."
            )
            continue
        code = item.get("status_code")
        if not isinstance(code, int) or isinstance(code, bool):
            errors[f"responses[{i}].status_code"] = "Use an HTTP status code from 100 to 599."
            code = None
        description = item.get("description") or ""
        if not isinstance(description, str):
            errors[f"responses[{i}].description"] = "Use a string."
            description = ""
        example, schema = _example(item.get("example")), _example(item.get("schema"))
        drafts.append(ResponseDraft(code, description, example, schema,
                                    _example(item.get("examples"))))  # fmt: skip
    return drafts
