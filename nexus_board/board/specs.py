"""A contract as plain values: what a form sends (drafts), checked into a clean spec.

Error keys are the form's field names (`responses-0-example` for the first response's example),
so every message lands next to its field.
"""

import http
import re
from dataclasses import dataclass, field, replace
from datetime import date

from slugify import slugify

from ..errors import Invalid
from ..limits import MARKDOWN
from ..models import Contract, HttpMethod
from ..numbers import whole_number
from . import examples, mock_rules, paths, spec_schemas

MAX_DESCRIPTION = MARKDOWN["contract_description"]
MAX_TAGS = 8
MAX_RESPONSES = 20
TAG_CHARS = 30
TAG = re.compile(rf"[a-z0-9][a-z0-9-]{{0,{TAG_CHARS - 1}}}")


def project_slug(name: str) -> str:
    """The project's URL name; ASCII and at most 80 characters, whatever the name's script."""
    return slugify(name, max_length=80, word_boundary=True)


@dataclass
class ResponseDraft:
    status_code: int | str | None = None
    description: str = ""
    example: str = ""
    schema: str = ""  # JSON or YAML; empty: inferred from the example
    examples: str = ""  # more named examples, a JSON object: {"missing": {...}}

    @property
    def blank(self) -> bool:
        text = f"{self.status_code or ''}{self.description}{self.example}{self.schema}"
        text += self.examples
        return not text.strip()


@dataclass
class ContractDraft:
    """A contract as a form or a JSON body sends it: every value as typed, none checked yet."""

    project: str = ""  # a name: an existing project's in any case means that project
    method: str = ""  # in any case
    path: str = ""  # a template: /api/v1/products/{id}
    summary: str = ""
    description: str = ""  # Markdown
    auth_required: bool = False
    request_example: str = ""  # JSON text; empty for none
    tags: str = ""  # comma-separated, as typed
    responses: list[ResponseDraft] = field(default_factory=list)
    request_schema: str = ""  # JSON or YAML; empty: inferred from the example
    parameters: str = ""  # a JSON or YAML list of {name, in, required, schema, description}
    components: str = ""  # named schemas, {"Product": {...}}, that $refs point at
    schema_source: str = "authored"  # "imported" when an OpenAPI document wrote the schemas
    deprecated: bool = False
    sunset: str = ""  # an ISO date
    deprecation_note: str = ""
    is_draft: bool = False  # a README draft: its examples may still be missing
    dispatch: str = ""  # the mock's dispatch rules, a JSON list (see mock_rules)


@dataclass(frozen=True)
class ResponseSpec:
    status_code: int
    description: str
    example: str | None
    schema: str | None = None
    examples: str | None = None  # named examples besides `example`, JSON text


@dataclass(frozen=True)
class ContractSpec:
    project: str
    method: HttpMethod
    path: paths.PathTemplate
    summary: str
    description: str
    auth_required: bool
    request_example: str | None
    tags: tuple[str, ...]
    responses: tuple[ResponseSpec, ...]
    request_schema: str | None = None
    parameters: str | None = None
    components: str | None = None
    schema_source: str | None = None  # None when it stores no schema (all are inferred)
    deprecated: bool = False
    sunset: date | None = None
    deprecation_note: str = ""
    is_draft: bool = False
    dispatch: str | None = None

    @property
    def project_slug(self) -> str:
        return project_slug(self.project)

    @property
    def stores_schemas(self) -> bool:
        stored = [self.request_schema, self.parameters, self.components]
        return any(value is not None for value in stored + [r.schema for r in self.responses])

    @classmethod
    def of(cls, contract: Contract) -> "ContractSpec":
        """The spec a saved contract holds now."""
        return cls(
            project=contract.project.name,
            method=contract.method,
            path=paths.stored(contract.path),
            summary=contract.summary,
            description=contract.description,
            auth_required=contract.auth_required,
            request_example=contract.request_example,
            tags=tuple(contract.tag_names),
            responses=tuple(
                ResponseSpec(r.status_code, r.description, r.example, r.schema, r.examples)
                for r in contract.responses
            ),
            request_schema=contract.request_schema,
            parameters=contract.parameters,
            components=contract.components,
            schema_source=contract.schema_source,
            deprecated=contract.deprecated,
            sunset=contract.sunset,
            deprecation_note=contract.deprecation_note or "",
            is_draft=contract.is_draft,
            dispatch=contract.dispatch,
        )


def draft_of(contract: Contract) -> ContractDraft:
    """A draft holding what the contract says now (the edit form starts from it)."""
    return ContractDraft(
        project=contract.project.name,
        method=contract.method.value,
        path=contract.path,
        summary=contract.summary,
        description=contract.description,
        auth_required=contract.auth_required,
        request_example=contract.request_example or "",
        tags=", ".join(contract.tag_names),
        responses=[
            ResponseDraft(
                r.status_code, r.description, r.example or "", r.schema or "", r.examples or ""
            )
            for r in contract.responses
        ],
        request_schema=contract.request_schema or "",
        parameters=contract.parameters or "",
        components=contract.components or "",
        schema_source=contract.schema_source or "authored",
        deprecated=contract.deprecated,
        sunset=contract.sunset.isoformat() if contract.sunset else "",
        deprecation_note=contract.deprecation_note or "",
        is_draft=contract.is_draft,
        dispatch=contract.dispatch or "",
    )


def clean(draft: ContractDraft) -> ContractSpec:
    """Check every field of `draft`; raise Invalid naming each bad one."""
    errors: dict[str, str] = {}
    project = " ".join(draft.project.split())
    if not 2 <= len(project) <= 80 or not project_slug(project):
        errors["project"] = "Name the project in 2–80 characters, like “E-commerce API”."
    try:
        method = HttpMethod(draft.method.strip().upper())
    except ValueError:
        errors["method"] = "Choose GET, POST, PUT, PATCH or DELETE."
        method = None
    try:
        path = paths.parse(draft.path)
    except Invalid as error:
        errors.update(error.errors)
        path = None
    summary = " ".join(draft.summary.split())
    if not 1 <= len(summary) <= 200:
        errors["summary"] = "Say in up to 200 characters what the endpoint does."
    description = draft.description.strip()
    if len(description) > MAX_DESCRIPTION:
        errors["description"] = f"Keep the description under {MAX_DESCRIPTION:,} characters."
    request_example = _example(draft.request_example, "request_example", errors)
    needs_body = method is not None and method.takes_body and not draft.is_draft
    if needs_body and request_example is None:
        errors.setdefault("request_example", f"A {method} request needs a JSON body example.")
    tags = tags_from(draft.tags, errors)
    responses = _responses(draft.responses, errors)
    schemas = spec_schemas.check(draft, path.params if path else None, errors)
    if errors:
        raise Invalid("The contract was not saved: check the marked fields.", errors=errors)
    responses = _with_schemas(draft.responses, schemas.response_schemas, responses)
    dispatch = mock_rules.check_dispatch(draft.dispatch, responses, errors)
    if errors:
        raise Invalid("The contract was not saved: check the marked fields.", errors=errors)
    stored = [schemas.request_schema, schemas.parameters, schemas.components]
    stored += [r.schema for r in responses]
    return ContractSpec(
        project, method, path, summary, description, bool(draft.auth_required),
        request_example, tags, responses,
        request_schema=schemas.request_schema,
        parameters=schemas.parameters,
        components=schemas.components,
        schema_source=(draft.schema_source or "authored") if any(stored) else None,
        deprecated=bool(draft.deprecated),
        sunset=schemas.sunset,
        deprecation_note=schemas.deprecation_note,
        is_draft=bool(draft.is_draft),
        dispatch=dispatch,
    )  # fmt: skip


def _with_schemas(drafts, schemas, responses) -> tuple[ResponseSpec, ...]:
    """Each response with the schema typed beside it (rows matched by status code)."""
    by_code = {}
    for response_draft, schema in zip(drafts, schemas, strict=True):
        code = whole_number(str(response_draft.status_code).strip())
        if code is not None and not response_draft.blank:
            by_code.setdefault(code, schema)
    return tuple(replace(r, schema=by_code.get(r.status_code)) for r in responses)


def _example(text: str, key: str, errors: dict) -> str | None:
    try:
        return examples.normalize(text)
    except examples.ExampleError as error:
        errors[key] = str(error)
        return None


def tags_from(text: str, errors: dict) -> tuple[str, ...]:
    names = []
    for raw in (text or "").split(","):
        name = slugify(raw)
        if name and name not in names:
            names.append(name)
    long = next((name for name in names if len(name) > TAG_CHARS), None)
    if len(names) > MAX_TAGS:
        errors["tags"] = f"Use at most {MAX_TAGS} tags."
    elif long:  # refused, not cut: a cut tag would not be the one they typed
        errors["tags"] = f"Keep each tag to {TAG_CHARS} characters: “{long}” has {len(long)}."
    elif not all(TAG.fullmatch(name) for name in names):
        errors["tags"] = "Use short tags of letters, digits and hyphens, separated by commas."
    return tuple(names)


def _responses(drafts: list[ResponseDraft], errors: dict) -> tuple[ResponseSpec, ...]:
    found: dict[int, ResponseSpec] = {}
    for i, draft in enumerate(drafts):
        if draft.blank:
            continue
        key = f"responses-{i}-"
        code = whole_number(str(draft.status_code).strip()) or 0
        if not 100 <= code <= 599:
            errors[key + "status_code"] = "Use an HTTP status code from 100 to 599."
        elif code in found:
            errors[key + "status_code"] = f"Status {code} is already listed above."
        description = " ".join(draft.description.split()) or _reason(code)
        if len(description) > 200:
            errors[key + "description"] = "Keep it under 200 characters."
        example = _example(draft.example, key + "example", errors)
        named = mock_rules.check_named(draft.examples, key + "examples", errors)
        found.setdefault(code, ResponseSpec(code, description, example, examples=named))
    if not found and not any(k.startswith("responses-") for k in errors):
        errors["responses"] = "Describe at least one response, such as 200 with an example."
    if len(found) > MAX_RESPONSES:
        errors["responses"] = f"List at most {MAX_RESPONSES} responses."
    return tuple(sorted(found.values(), key=lambda r: r.status_code))


def _reason(code: int) -> str:
    """The standard reason phrase ("Created") when the learner left the description blank."""
    try:
        return http.HTTPStatus(code).phrase
    except ValueError:
        return f"Status {code}"
