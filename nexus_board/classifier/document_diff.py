"""Classifying the changes between two OpenAPI documents of one project.

Operations are matched by method and path (parameter names aside); one that is gone is a
removed endpoint, one that is new an added one. 3.0 documents are read in 3.1 form first.
"""

from datetime import date

from ..schemas.conversion import to_31
from .contract_diff import classify
from .operation import Operation, Parameter
from .rules import Change, make, ordered

METHODS = ("get", "post", "put", "patch", "delete")
MAX_OPERATIONS = 1_000


def classify_document(old: dict, new: dict, today: date | None = None) -> list[Change]:
    """Every change from document `old` to document `new`, each naming its endpoint."""
    before = {operation.endpoint_key: operation for operation in _keyed(old)}
    after = {operation.endpoint_key: operation for operation in _keyed(new)}
    found = []
    for key, operation in before.items():
        if key not in after:
            change = make("endpoint.deleted", "endpoint", old=operation.endpoint)
            found.append(_for(change, operation))
            continue
        found += [_for(change, after[key]) for change in classify(operation, after[key], today)]
    for key, operation in after.items():
        if key not in before:
            found.append(
                _for(make("endpoint.added", "endpoint", new=operation.endpoint), operation)
            )
    return ordered(found)


def operations_of(document: dict) -> list[Operation]:
    """Each operation of an OpenAPI 3.0 or 3.1 document, in document order."""
    return list(_keyed(document))


class _Keyed(Operation):
    @property
    def endpoint_key(self) -> tuple[str, str]:
        return (self.method, self.path_key)


def _keyed(document: dict) -> list[_Keyed]:
    three_oh = str(document.get("openapi", "")).startswith("3.0")
    convert = to_31 if three_oh else (lambda schema: schema)
    components = (document.get("components") or {}).get("schemas") or {}
    components = {name: convert(schema) for name, schema in components.items()}
    found = []
    for path, item in (document.get("paths") or {}).items():
        item = _resolve(document, item)
        if not isinstance(item, dict):
            continue
        shared = item.get("parameters") or []
        for method in METHODS:
            operation = item.get(method)
            if isinstance(operation, dict) and len(found) < MAX_OPERATIONS:
                found.append(_operation(document, path, method, operation, shared, components,
                                        convert))  # fmt: skip
    return found


def _operation(document, path, method, operation, shared, components, convert) -> _Keyed:
    parameters = {}
    for raw in [*shared, *(operation.get("parameters") or [])]:
        raw = _resolve(document, raw)
        if isinstance(raw, dict) and raw.get("in") in ("path", "query", "header"):
            parameters[(raw["in"], raw.get("name"))] = Parameter(
                str(raw.get("name")), raw["in"], bool(raw.get("required")),
                convert(raw.get("schema")) if isinstance(raw.get("schema"), dict) else None,
            )  # fmt: skip
    body = _resolve(document, operation.get("requestBody"))
    responses = {}
    for code, response in (operation.get("responses") or {}).items():
        if str(code).isdigit():
            responses[int(code)] = _schema(_resolve(document, response), convert)
    security = operation.get("security", document.get("security")) or []
    return _Keyed(
        method=method.upper(),
        path=path,
        auth_required=bool(security) and all(bool(requirement) for requirement in security),
        deprecated=bool(operation.get("deprecated")),
        parameters=tuple(parameters.values()),
        body=_schema(body, convert) if isinstance(body, dict) else None,
        body_required=isinstance(body, dict) and bool(body.get("required")),
        responses=responses,
        components=components,
        docs={key: operation.get(key) for key in ("summary", "description", "tags")},
    )


def _schema(holder, convert) -> dict | None:
    """The JSON schema of a request body or response (any JSON media type), or None."""
    content = holder.get("content") if isinstance(holder, dict) else None
    if not isinstance(content, dict) or not content:
        return None
    media = next((m for name, m in content.items() if "json" in name.lower()), None)
    media = media if isinstance(media, dict) else next(iter(content.values()))
    schema = media.get("schema") if isinstance(media, dict) else None
    return convert(schema) if isinstance(schema, dict) else {}


def _resolve(document: dict, node, hops: int = 8):
    """A `$ref` to a parameter, body or response, followed inside the document."""
    while hops and isinstance(node, dict) and isinstance(node.get("$ref"), str):
        target = document
        for token in node["$ref"].removeprefix("#/").split("/"):
            token = token.replace("~1", "/").replace("~0", "~")
            target = target.get(token) if isinstance(target, dict) else None
        node, hops = target, hops - 1
    return node


def _for(change: Change, operation: Operation) -> Change:
    return Change(change.rule, change.severity, change.location, change.sentence,
                  operation.endpoint)  # fmt: skip
