"""Which edits would break a frontend that already integrates the contract."""

from . import examples
from .specs import ContractSpec


def breaking_reasons(old: ContractSpec, new: ContractSpec) -> list[str]:
    """Plain sentences, one per way `new` breaks a client written against `old`."""
    reasons = []
    if old.method != new.method:
        reasons.append(f"The method changed from {old.method} to {new.method}.")
    if old.path.key != new.path.key:
        reasons.append(f"The path changed from {old.path.template} to {new.path.template}.")
    if new.auth_required and not old.auth_required:
        reasons.append("Authentication is now required.")
    new_responses = {r.status_code: r for r in new.responses}
    for response in old.responses:
        code = response.status_code
        if code not in new_responses:
            reasons.append(f"Response {code} was removed.")
        else:
            reasons += _example_breaks(code, response.example, new_responses[code].example)
    return reasons


def _example_breaks(code: int, old_text: str | None, new_text: str | None) -> list[str]:
    if old_text is None:
        return []
    if new_text is None:
        return [f"Response {code} no longer shows its example body."]
    try:
        old_shape = examples.shape(examples.load(old_text))
    except RecursionError:  # saved before deep examples were refused: nothing to compare with
        return [f"Response {code} got a new example in place of one too deep to compare."]
    new_shape = examples.shape(examples.load(new_text))
    reasons = []
    for key, kind in old_shape.items():
        if key not in new_shape:
            if _parent(key) in old_shape and _parent(key) not in new_shape:
                continue  # the parent's removal says it already
            reasons.append(f"Response {code} no longer has the key {key}.")
        elif "null" not in (kind, new_shape[key]) and kind != new_shape[key]:
            reasons.append(f"In response {code}, {key} changed from {kind} to {new_shape[key]}.")
    old_top = examples.json_type(examples.load(old_text))
    new_top = examples.json_type(examples.load(new_text))
    if old_top != new_top and "null" not in (old_top, new_top):
        reasons.append(f"Response {code} changed from an {old_top} to an {new_top}.")
    return reasons


def _parent(key: str) -> str:
    return key.rsplit(".", 1)[0].removesuffix("[]") if "." in key else ""
