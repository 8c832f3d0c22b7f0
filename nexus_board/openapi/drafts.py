"""An OpenAPI document's operations as contract drafts, with notes on what was adapted.

The drafts are checked later by the board's own rules (`specs.clean`), exactly like a form.
"""

import re
from dataclasses import asdict

from ..board import examples
from ..board.mock_rules import DEFAULT, NAME
from ..board.specs import MAX_DESCRIPTION, MAX_TAGS, ContractDraft, ResponseDraft
from ..errors import Invalid
from ..limits import NAMED_EXAMPLES
from ..models import HttpMethod
from ..numbers import whole_number
from .export import DISPATCH
from .imported_schemas import Reader, dump, fits
from .sample import Budget, Sampler, TooLarge

METHODS = [method.lower() for method in HttpMethod]
OTHER_METHODS = ("head", "options", "trace")
MAX_SUMMARY = 200
MAX_RESPONSE_DESCRIPTION = 200
MISMATCH = (
    "The request body: the example built from its schema does not match it, so the schema "
    "was left out: add an example to the document."
)
TOO_LARGE = (
    "Its schemas would build examples too large to import, by {endpoint}: give that operation "
    "(and the ones after it) examples of their own in the document."
)


def operations(document: dict) -> tuple[list[dict], list[dict]]:
    """([{"draft": {...}, "notes": [...]}], [{"endpoint": ..., "reason": ...}]) in document order.

    Drafts are plain dicts (stored with a pending import); `to_draft` makes them drafts again.
    """
    budget = Budget()  # examples built from schemas, for the whole document
    reader = Sampler(document, response=True, budget=budget)  # what the client reads back
    writer = Sampler(document, response=False, budget=budget)  # what the client writes
    schemas = Reader(document)
    found, skipped = [], []
    for path, item in (document.get("paths") or {}).items():
        item = reader.resolve(item)
        if not isinstance(item, dict):
            continue
        for method, operation in item.items():
            endpoint = f"{method.upper()} {path}"
            if method in OTHER_METHODS:
                skipped.append(
                    {
                        "endpoint": endpoint,
                        "reason": "Contracts are GET, POST, PUT, PATCH or DELETE.",
                    }
                )
            elif method in METHODS and isinstance(operation, dict):
                try:
                    shared = item.get("parameters") or []
                    draft, notes = _draft(document, path, method, operation, reader, writer)
                    _schemas(draft, operation, shared, schemas, reader, notes)
                except TooLarge:  # the document's budget: one example alone is only a note
                    raise Invalid(
                        "The OpenAPI document was not imported.",
                        errors={"document": TOO_LARGE.format(endpoint=endpoint)},
                    ) from None
                found.append({"draft": asdict(draft), "notes": notes})
    return found, skipped


def to_draft(stored: dict, project: str) -> ContractDraft:
    """A stored draft, for `project`."""
    values = dict(stored, project=project)
    values["responses"] = [ResponseDraft(**r) for r in stored.get("responses", [])]
    return ContractDraft(**values)


def _schemas(draft: ContractDraft, operation: dict, shared: list, schemas: Reader,
             sampler: Sampler, notes: list) -> None:  # fmt: skip
    """Give `draft` the operation's own schemas (keeping only examples that satisfy them)."""
    raw_lists = [*shared, *(operation.get("parameters") or [])]
    parameters = schemas.parameters(sampler.resolve, raw_lists, notes)
    # Our own export marks the schemas it inferred from examples: they are not the contract's.
    ours = operation.get("x-nexus-board")
    inferred = ours.get("inferred") if isinstance(ours, dict) else None
    inferred = {str(part) for part in inferred} if isinstance(inferred, list) else set()
    body = None
    if "request" not in inferred:
        media = _media(sampler.resolve(operation.get("requestBody")), sampler)[0]
        body = schemas.schema(media, "The request body", notes)
    by_code = {}
    for code, response in (operation.get("responses") or {}).items():
        media, kind = _media(sampler.resolve(response) or {}, sampler)
        if kind == "json" and str(code) not in inferred:
            by_code[str(code)] = schemas.schema(media, f"Response {code}", notes)
    responses = [by_code.get(str(r.status_code)) for r in draft.responses]
    components = schemas.used(body, parameters, responses)
    if body is not None and draft.request_example:
        example = fits(examples.load(draft.request_example), body, components,
                       "The request body", [], sent=True)  # fmt: skip
        if example is None:
            notes.append(MISMATCH)
            body = None
    for response, schema in zip(draft.responses, responses, strict=True):
        response.schema = dump(schema)
        if response.example and schema is not None:
            kept = fits(examples.load(response.example), schema, components,
                        f"Response {response.status_code}", notes, sent=False)  # fmt: skip
            response.example = dump(kept)
    components = schemas.used(body, parameters, responses)
    draft.request_schema = dump(body)
    draft.parameters = dump(parameters or None)
    draft.components = dump(components or None)
    draft.schema_source = "imported"
    draft.deprecated = bool(operation.get("deprecated"))
    if draft.deprecated and isinstance(operation.get("x-sunset"), str):
        draft.sunset = operation["x-sunset"][:10]


def _draft(document, path, method, operation, reader, writer) -> tuple[ContractDraft, list[str]]:
    notes: list[str] = []
    description = (operation.get("description") or "").strip()
    if len(description) > MAX_DESCRIPTION:
        description = description[: MAX_DESCRIPTION - 1] + "…"
        notes.append("The description was shortened to 10,000 characters.")
    tags = [str(tag) for tag in operation.get("tags") or []]
    if len(tags) > MAX_TAGS:
        notes.append(f"Only the first {MAX_TAGS} tags were kept.")
    draft = ContractDraft(
        method=method.upper(),
        path=path,
        summary=_summary(operation, description, f"{method.upper()} {path}"),
        description=description,
        auth_required=_auth_required(operation, document),
        request_example=_request_example(operation, method, writer, notes),
        tags=", ".join(tags[:MAX_TAGS]),
        responses=_responses(operation, reader, notes),
    )
    rules = operation.get(DISPATCH)
    if isinstance(rules, list) and rules:  # our own export's mock dispatch rules
        draft.dispatch = examples.dump(rules)
    return draft, notes


def _summary(operation: dict, description: str, fallback: str) -> str:
    summary = " ".join(str(operation.get("summary") or "").split())
    if not summary and operation.get("operationId"):
        words = re.sub(r"[_\-]+|(?<=[a-z])(?=[A-Z])", " ", str(operation["operationId"])).strip()
        summary = words[:1].upper() + words[1:].lower()
    if not summary and description:
        summary = description.splitlines()[0].strip("# ")
    summary = summary or fallback
    return summary if len(summary) <= MAX_SUMMARY else summary[: MAX_SUMMARY - 1] + "…"


def _auth_required(operation: dict, document: dict) -> bool:
    """Security names requirements; an empty one ({}) means anonymous callers are welcome too."""
    security = operation.get("security", document.get("security")) or []
    return bool(security) and all(bool(requirement) for requirement in security)


def _request_example(operation: dict, method: str, sampler: Sampler, notes: list) -> str:
    body = sampler.resolve(operation.get("requestBody"))
    media, kind = _media(body, sampler)
    if media is None:
        if HttpMethod(method.upper()).takes_body:
            notes.append("The document shows no JSON request body: the example is {}.")
            return "{}"
        return ""
    if kind != "json":
        notes.append(f"The request is sent as {kind}; its example shows the fields as JSON.")
    example = _dump(_example(media, sampler, notes, "The request body"))
    if not example and HttpMethod(method.upper()).takes_body:
        notes.append("The document shows no example or schema for the request body: it is {}.")
        return "{}"
    return example


def _responses(operation: dict, sampler: Sampler, notes: list) -> list[ResponseDraft]:
    found = []
    for code, response in (operation.get("responses") or {}).items():
        if whole_number(str(code)) is None:
            notes.append(f"The {code} response was left out: contracts list exact status codes.")
            continue
        response = sampler.resolve(response) or {}
        description = " ".join(str(response.get("description") or "").split())
        if len(description) > MAX_RESPONSE_DESCRIPTION:
            description = description[: MAX_RESPONSE_DESCRIPTION - 1] + "…"
        media, kind = _media(response, sampler)
        example = ""
        if media is not None and kind == "json":
            example = _dump(_example(media, sampler, notes, f"Response {code}"))
        elif media is not None:
            notes.append(f"Response {code} is {kind}: it is kept without an example.")
        named = _named(media) if media is not None and kind == "json" else ""
        found.append(ResponseDraft(str(code), description, example, examples=named))
    return found


def _named(media: dict) -> str:
    """The named examples after the first (which is the example), as the board stores them."""
    named = media.get("examples")
    if not isinstance(named, dict) or "example" in media:
        return ""
    values = {
        name: example["value"]
        for name, example in list(named.items())[1 : NAMED_EXAMPLES + 1]
        if isinstance(example, dict) and "value" in example and NAME.fullmatch(str(name))
        and name != DEFAULT
    }  # fmt: skip
    return examples.dump(values) if values else ""


def _media(holder, sampler: Sampler) -> tuple[dict | None, str]:
    """The JSON media type object of a request body or response (else the first one)."""
    content = holder.get("content") if isinstance(holder, dict) else None
    if not isinstance(content, dict) or not content:
        return None, ""
    for name, media in content.items():
        if "json" in name.lower() and isinstance(media, dict):
            return media, "json"
    name, media = next(iter(content.items()))
    return (media if isinstance(media, dict) else {}), name


def _example(media: dict, sampler: Sampler, notes: list, what: str):
    if "example" in media:
        return media["example"]
    named = media.get("examples")
    if isinstance(named, dict) and named:
        first = sampler.resolve(next(iter(named.values())))
        if isinstance(first, dict) and "value" in first:
            return first["value"]
    try:
        return sampler.sample(media.get("schema"))
    except TooLarge as too_large:
        if too_large.document:
            raise
        notes.append(f"{what}: its schema builds an example too large to keep; add one of its own.")
        return None


def _dump(value) -> str:
    """The example as the board stores it; nothing for no example."""
    return "" if value is None else examples.dump(value)
