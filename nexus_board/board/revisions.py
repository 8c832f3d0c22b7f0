"""What changed between two versions of a contract, field by field, and how to show it."""

import difflib

from .specs import ContractSpec, ResponseSpec

LABELS = {
    "project": "Project",
    "method": "Method",
    "path": "Path",
    "summary": "Summary",
    "description": "Description",
    "auth_required": "Auth required",
    "request_example": "Request example",
    "request_schema": "Request schema",
    "parameters": "Parameters",
    "components": "Named schemas",
    "tags": "Tags",
    "deprecated": "Deprecated",
    "sunset": "Sunset",
    "deprecation_note": "Deprecation note",
    "dispatch": "Mock dispatch rules",
}
# Fields mocks are built from: changing one invalidates them.
MOCKED = ("project", "method", "path", "request_", "response", "parameters", "components",
          "deprecated", "sunset", "dispatch")  # fmt: skip


def changes(old: ContractSpec, new: ContractSpec) -> list[dict]:
    """[{"field", "label", "old", "new"}] for every field whose value differs."""
    found = []
    before, after = _flat(old), _flat(new)
    for key in [*before, *(k for k in after if k not in before)]:
        old_value, new_value = before.get(key), after.get(key)
        if old_value != new_value:
            found.append({"field": key, "label": _label(key), "old": old_value, "new": new_value})
    return found


def touches_mocks(change_list: list[dict]) -> bool:
    return any(change["field"].startswith(MOCKED) for change in change_list)


def _flat(spec: ContractSpec) -> dict[str, str | None]:
    values = {
        "project": spec.project,
        "method": str(spec.method),
        "path": spec.path.template,
        "summary": spec.summary,
        "description": spec.description or None,
        "auth_required": "yes" if spec.auth_required else "no",
        "request_example": spec.request_example,
        "request_schema": spec.request_schema,
        "parameters": spec.parameters,
        "components": spec.components,
        "tags": ", ".join(spec.tags) or None,
        "deprecated": "yes" if spec.deprecated else "no",
        "sunset": spec.sunset.isoformat() if spec.sunset else None,
        "deprecation_note": spec.deprecation_note or None,
        "dispatch": spec.dispatch,
    }
    for response in spec.responses:
        values[f"response-{response.status_code}"] = _response_text(response)
    return values


def _response_text(response: ResponseSpec) -> str:
    schema = f"Schema:\n{response.schema}" if response.schema else None
    named = f"Named examples:\n{response.examples}" if response.examples else None
    return "\n".join(filter(None, [response.description, response.example, schema, named]))


def _label(key: str) -> str:
    if key.startswith("response-"):
        return f"Response {key.removeprefix('response-')}"
    return LABELS[key]


def diff_lines(old: str | None, new: str | None) -> list[tuple[str, str]]:
    """A line diff for the history: [("+", line), ("-", line), (" ", line)], no headers."""
    lines = difflib.unified_diff(
        (old or "").splitlines(), (new or "").splitlines(), lineterm="", n=2
    )
    shown = []
    for line in lines:
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            shown.append(("@", "…"))
        else:
            shown.append((line[:1] or " ", line[1:]))
    return shown


def is_short(change: dict) -> bool:
    """Short one-line values read best as "old → new"; the rest as a line diff."""
    values = [v for v in (change["old"], change["new"]) if v]
    return all("\n" not in v and len(v) <= 80 for v in values)
