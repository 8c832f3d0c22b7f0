"""A contract's endpoint with every schema it is held to: its own, or inferred from its example.

The classifier compares these, the export documents them and the mock checks requests with
them, so all three agree on what a contract says.
"""

from dataclasses import dataclass

from ..classifier import Operation, Parameter
from ..schemas.inference import infer
from . import examples
from .spec_schemas import load
from .specs import ContractSpec


@dataclass(frozen=True)
class Effective:
    operation: Operation
    inferred: tuple[str, ...]  # "request" and status codes ("200") whose schema is inferred


def effective(spec: ContractSpec) -> Effective:
    """The spec's operation; where it stores no schema, the one its example stands for."""
    inferred = []
    body = load(spec.request_schema)
    if body is None and spec.request_example is not None:
        body = _inferred(spec.request_example)
        inferred.append("request")
    responses = {}
    for response in spec.responses:
        schema = load(response.schema)
        if schema is None and response.example is not None:
            schema = _inferred(response.example)
            inferred.append(str(response.status_code))
        responses[response.status_code] = schema
    docs = {"summary": spec.summary, "description": spec.description, "tags": spec.tags,
            "request": spec.request_example}  # fmt: skip
    docs |= {str(r.status_code): r.example for r in spec.responses}
    operation = Operation(
        method=str(spec.method),
        path=spec.path.template,
        auth_required=spec.auth_required,
        deprecated=spec.deprecated,
        sunset=spec.sunset,
        parameters=parameters(spec),
        body=body,
        body_required=body is not None,
        responses=responses,
        components=load(spec.components) or {},
        docs=docs,
    )
    return Effective(operation, tuple(inferred))


def parameters(spec: ContractSpec) -> tuple[Parameter, ...]:
    """Its listed parameters, and each path parameter it does not list, as a string."""
    listed = load(spec.parameters) or []
    found = [
        Parameter(p["name"], p["in"], bool(p.get("required")), p.get("schema")) for p in listed
    ]
    named = {p.name for p in found if p.location == "path"}
    found += [Parameter(name, "path", True, {"type": "string"})
              for name in spec.path.params if name not in named]  # fmt: skip
    return tuple(found)


def _inferred(text: str) -> dict:
    try:
        return infer(examples.load(text))
    except (ValueError, RecursionError):  # saved before deep examples were refused
        return {}
