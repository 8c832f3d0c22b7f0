"""A project's contracts as an OpenAPI 3.1 document.

Every example is documented with the JSON Schema inferred from it. Import reads the same
fields back, so exporting a project and importing it elsewhere gives the same contracts.
"""

import logging
import re
from collections import defaultdict

from ..board import examples, paths
from ..board.lookup import stored_examples
from ..models import Contract, HttpMethod, Project
from .schema import infer

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
    left_out = []
    for contract in ordered:
        template = templates[contract.path_key]
        try:  # one contract that cannot be documented must not take its project's document
            operation = _operation(contract, template, operation_ids)
        except (ValueError, RecursionError) as error:
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
    if any(contract.auth_required for contract in ordered):
        scheme = {"type": "http", "scheme": "bearer"}
        doc["components"] = {"securitySchemes": {SECURITY_SCHEME: scheme}}
    if left_out:
        doc["x-nexus-board-left-out"] = left_out
    return doc


def _operation(contract: Contract, template: paths.PathTemplate, taken: set[str]) -> dict:
    operation = {
        "operationId": _operation_id(contract, taken),
        "summary": contract.summary,
    }
    if contract.description:
        operation["description"] = contract.description
    if contract.tag_names:
        operation["tags"] = contract.tag_names
    if template.params:
        operation["parameters"] = [
            {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
            for name in template.params
        ]
    if contract.request_example is not None:
        operation["requestBody"] = {
            "required": True,
            "content": _json_content(contract.request_example),
        }
    operation["responses"] = {
        str(response.status_code): _response(response.description, response.example)
        for response in contract.responses
    }
    if contract.auth_required:
        operation["security"] = [{SECURITY_SCHEME: []}]
    operation["x-nexus-board"] = {
        "contract": contract.id,
        "status": str(contract.status),
        "version": contract.version,
    }
    return operation


def _response(description: str, example: str | None) -> dict:
    response = {"description": description}
    if example is not None:
        response["content"] = _json_content(example)
    return response


def _json_content(text: str) -> dict:
    value = examples.load(text)
    return {"application/json": {"schema": infer(value), "example": value}}


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
