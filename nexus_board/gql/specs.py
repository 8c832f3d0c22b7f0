"""A GraphQL contract as plain values: one named operation of its project's schema, with a
variables example and a response example that fits the operation's selection set.

Error keys are the form's field names, so every message lands next to its field.
"""

from dataclasses import dataclass

from graphql import GraphQLSchema
from graphql.execution.values import get_variable_values

from .. import json_values
from ..board import examples
from ..board.specs import MAX_DESCRIPTION, tags_from
from ..errors import Invalid
from ..limits import EXAMPLE_CHARS
from .documents import Operation, Problem, operation
from .shapes import introspection, mismatches

KINDS = ("query", "mutation")


@dataclass
class OperationDraft:
    """As typed: nothing checked yet."""

    document: str = ""
    variables_example: str = ""  # a JSON object; empty for none
    response_example: str = ""  # {"data": …, "errors"?: […]}
    summary: str = ""
    description: str = ""  # Markdown
    tags: str = ""


@dataclass(frozen=True)
class OperationSpec:
    kind: str  # "query" or "mutation"
    name: str
    document: str  # as the author wrote it (trimmed)
    variables_example: str | None  # pretty-printed JSON
    response_example: str  # pretty-printed JSON
    summary: str
    description: str
    tags: tuple[str, ...]

    @property
    def path_key(self) -> str:
        """Its key among the project's contracts: one contract per operation name."""
        return f"graphql:{self.name}"

    def flat(self) -> dict[str, str | None]:
        """Field → text, for revisions (what changed) and the history's diff."""
        return {
            "operation": f"{self.kind} {self.name}",
            "summary": self.summary,
            "description": self.description or None,
            "document": self.document,
            "variables_example": self.variables_example,
            "response_example": self.response_example,
            "tags": ", ".join(self.tags) or None,
        }


LABELS = {
    "operation": "Operation",
    "summary": "Summary",
    "description": "Description",
    "document": "Document",
    "variables_example": "Variables example",
    "response_example": "Response example",
    "tags": "Tags",
}


def clean(draft: OperationDraft, schema: GraphQLSchema) -> OperationSpec:
    """Check every field of `draft` against `schema`; raise Invalid naming each bad one."""
    errors: dict[str, str] = {}
    document = (draft.document or "").strip()
    found = _operation(schema, document, errors)
    variables = _json(draft.variables_example, "variables_example", errors)
    if variables is not None and not isinstance(variables, dict):
        errors["variables_example"] = 'Give the variables as a JSON object, like {"first": 10}.'
    elif found is not None:
        _check_variables(schema, found, variables or {}, errors)
    response = _json(draft.response_example, "response_example", errors)
    if response is None and "response_example" not in errors:
        errors["response_example"] = 'Give the response the operation answers: {"data": {…}}.'
    elif response is not None and found is not None:
        _check_response(schema, found, response, errors)
    summary = " ".join(draft.summary.split())
    if not 1 <= len(summary) <= 200:
        errors["summary"] = "Say in up to 200 characters what the operation does."
    description = draft.description.strip()
    if len(description) > MAX_DESCRIPTION:
        errors["description"] = f"Keep the description under {MAX_DESCRIPTION:,} characters."
    tags = tags_from(draft.tags, errors)
    if errors:
        raise Invalid("The contract was not saved: check the marked fields.", errors=errors)
    return OperationSpec(
        found.kind,
        found.name,
        document,
        _dump(variables),
        _dump(response),
        summary,
        description,
        tags,
    )


def _operation(schema: GraphQLSchema, document: str, errors: dict) -> Operation | None:
    if not document:
        errors["document"] = "Write the operation, like query ProductList { products { id } }."
        return None
    try:
        found = operation(schema, document)
    except Problem as problem:
        errors["document"] = str(problem)
        return None
    if introspection(found):
        errors["document"] = (
            "A contract is one of the API's operations, not an introspection query."
        )
    elif found.kind not in KINDS:
        errors["document"] = "A contract is a query or a mutation (subscriptions are not mocked)."
    elif found.name is None:
        errors["document"] = (
            "Name the operation (query ProductList { … }): its name is the contract's."
        )
    elif len(found.name) > 100:
        errors["document"] = "Keep the operation's name under 100 characters."
    else:
        return found
    return None


def _check_variables(schema, found: Operation, variables: dict, errors: dict) -> None:
    coerced = get_variable_values(schema, found.node.variable_definitions or [], variables)
    if isinstance(coerced, list):  # graphql-core's errors, one per bad variable
        errors["variables_example"] = "; ".join(error.message for error in coerced[:3])


def _check_response(schema, found: Operation, response, errors: dict) -> None:
    if not isinstance(response, dict) or "data" not in response:
        errors["response_example"] = 'The response is an object with "data" (and maybe "errors").'
        return
    unknown = sorted(set(response) - {"data", "errors", "extensions"})
    if unknown:
        errors["response_example"] = f"A GraphQL response has no {unknown[0]!r} key."
        return
    if "errors" in response and not _error_list(response["errors"]):
        errors["response_example"] = 'errors: a list of objects, each with a "message".'
        return
    if response["data"] is None:
        if "errors" not in response:
            errors["response_example"] = '"data" is null: then the response needs "errors".'
        return
    found = mismatches(schema, found, response["data"])
    if found:
        errors["response_example"] = "It does not fit the operation: " + " ".join(found)


def _error_list(value) -> bool:
    return isinstance(value, list) and all(
        isinstance(item, dict) and isinstance(item.get("message"), str) for item in value
    )


def _json(text: str, key: str, errors: dict):
    if not (text or "").strip():
        return None
    if len(text) > EXAMPLE_CHARS:
        errors[key] = f"Keep the example under {EXAMPLE_CHARS:,} characters."
        return None
    try:
        return json_values.loads(text)
    except json_values.Refused as error:
        errors[key] = str(error)
        return None


def _dump(value) -> str | None:
    return None if value is None else examples.dump(value)
