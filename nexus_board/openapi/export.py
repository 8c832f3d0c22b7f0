"""A project's contracts as an OpenAPI 3.1 document.

Every request body, parameter and response is documented with the contract's own JSON Schema,
or, where it has none, the one its example stands for (listed under `x-nexus-board.inferred`).
Named schemas go to `components/schemas`, referred to with `$ref` as the contracts wrote them.
Import reads the same fields back, so exporting a project and importing it elsewhere gives the
same contracts.
"""

import logging
import re
from collections import defaultdict

from ..board import examples, paths
from ..board.lookup import stored_examples
from ..board.operations import effective
from ..board.specs import ContractSpec
from ..models import Contract, HttpMethod, Project
from .components import Merged

log = logging.getLogger(__name__)

VERSION = "3.1.0"
METHOD_ORDER = list(HttpMethod)
SECURITY_SCHEME = "bearerAuth"


def document(project: Project, contracts: list[Contract]) -> dict:
    """The OpenAPI document for `contracts`, all of `project` (without `servers`)."""
    ordered = sorted(contracts, key=lambda c: (c.path_key, c.path, METHOD_ORDER.index(c.method)))
    # Templates that differ only in parameter names are one path in OpenAPI: use the first.
    templates: dict[str, paths.PathTemplate] = {}
    for contract in ordered:
        templates.setdefault(contract.path_key, paths.stored(contract.path))
    operation_ids: set[str] = set()
    path_items: dict[str, dict] = defaultdict(dict)
    merged = Merged()
    left_out = []
    for contract in ordered:
        template = templates[contract.path_key]
        try:  # one contract that cannot be documented must not take its project's document
            operation, components = _operation(contract, template, operation_ids)
            operation = merged.add(operation, components)  # raises before it adds anything
        except (ValueError, RecursionError, KeyError, TypeError) as error:
            log.warning("contract %s left out of the OpenAPI document: %r", contract.id, error)
            why = examples.problem(stored_examples(contract)) or "It cannot be documented."
            left_out.append({"contract": contract.id, "endpoint": contract.endpoint, "note": why})
            continue
        path_items[template.template][contract.method.lower()] = operation
    doc = {
        "openapi": VERSION,
        "info": {
            "title": project.name,
            "version": _version(ordered),
            "description": f"The API contracts of {project.name}, as agreed on Nexus Board.",
        },
        "paths": dict(path_items),
    }
    tags = sorted({name for contract in ordered for name in contract.tag_names})
    if tags:
        doc["tags"] = [{"name": name} for name in tags]
    components = {}
    if merged.schemas:
        components["schemas"] = merged.schemas
    if any(contract.auth_required for contract in ordered):
        components["securitySchemes"] = {SECURITY_SCHEME: {"type": "http", "scheme": "bearer"}}
    if components:
        doc["components"] = components
    if left_out:
        doc["x-nexus-board-left-out"] = left_out
    return doc


def _operation(contract: Contract, template: paths.PathTemplate, taken: set[str]):
    """(the operation, the named schemas it refers to); ValueError if it cannot be documented."""
    problem = examples.problem(stored_examples(contract))
    if problem:
        raise ValueError(problem)
    found = effective(ContractSpec.of(contract))
    endpoint = found.operation
    operation = {"operationId": _operation_id(contract, taken), "summary": contract.summary}
    if contract.description:
        operation["description"] = contract.description
    if contract.tag_names:
        operation["tags"] = contract.tag_names
    parameters = _parameters(endpoint, template)
    if parameters:
        operation["parameters"] = parameters
    if endpoint.body is not None:
        operation["requestBody"] = {
            "required": True,
            "content": _content(endpoint.body, contract.request_example),
        }
    examples_by_code = {r.status_code: r.example for r in contract.responses}
    operation["responses"] = {
        str(r.status_code): _response(r.description, endpoint.responses[r.status_code],
                                      examples_by_code[r.status_code])
        for r in contract.responses
    }  # fmt: skip
    if contract.auth_required:
        operation["security"] = [{SECURITY_SCHEME: []}]
    if contract.deprecated:
        operation["deprecated"] = True
    if contract.sunset:
        operation["x-sunset"] = contract.sunset.isoformat()
    operation["x-nexus-board"] = {
        "contract": contract.id,
        "status": str(contract.status),
        "version": contract.version,
    } | ({"inferred": list(found.inferred)} if found.inferred else {})
    return operation, endpoint.components


def _parameters(endpoint, template: paths.PathTemplate) -> list[dict]:
    """Path parameters named as the document's path names them, then query and header ones."""
    found = []
    own = endpoint.path_params
    by_name = {(p.location, p.name): p for p in endpoint.parameters}
    for i, name in enumerate(template.params):
        listed = by_name.get(("path", own[i] if i < len(own) else name))
        found.append(
            {"name": name, "in": "path", "required": True,
             "schema": (listed.schema if listed and listed.schema else {"type": "string"})}
        )  # fmt: skip
    for parameter in endpoint.parameters:
        if parameter.location != "path":
            item = {"name": parameter.name, "in": parameter.location}
            if parameter.required:
                item["required"] = True
            item["schema"] = parameter.schema or {}
            found.append(item)
    return found


def _response(description: str, schema: dict | None, example: str | None) -> dict:
    response = {"description": description}
    if schema is not None:
        response["content"] = _content(schema, example)
    return response


def _content(schema: dict, example: str | None) -> dict:
    media = {"schema": schema}
    if example is not None:
        media["example"] = examples.load(example)
    return {"application/json": media}


def _operation_id(contract: Contract, taken: set[str]) -> str:
    words = re.sub(r"[^A-Za-z0-9]+", "_", contract.path).strip("_") or "root"
    base = f"{contract.method.lower()}_{words}"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    taken.add(name)
    return name


def _version(contracts: list[Contract]) -> str:
    """When the newest contract change happened: each edit makes a new document version."""
    if not contracts:
        return "0"
    newest = max(max(c.updated_at, c.status_changed_at) for c in contracts)
    return newest.strftime("%Y-%m-%dT%H:%M:%SZ")
