"""Classifying the changes between two versions of one contract."""

from datetime import date

from .keywords import Walk
from .operation import Operation, Parameter
from .rules import Change, make, ordered
from .schema_diff import REQUEST, RESPONSE, compare


def classify(old: Operation, new: Operation, today: date | None = None) -> list[Change]:
    """Every change from `old` to `new`, most severe first. `today` judges sunset dates."""
    found: list[Change] = []
    _endpoint(old, new, today, found)
    if new.auth_required and not old.auth_required:
        found.append(make("request.auth-required", "request.auth"))
    elif old.auth_required and not new.auth_required:
        found.append(make("request.auth-removed", "request.auth"))
    walk = Walk(old.components, new.components)
    _parameters(walk, old, new)
    _body(walk, old, new)
    _responses(walk, old, new)
    found += walk.found
    found += _docs(old, new)
    return ordered(found)


def _endpoint(old: Operation, new: Operation, today: date | None, found: list) -> None:
    if old.method != new.method:
        found.append(make("endpoint.method-changed", "endpoint", old=old.method, new=new.method))
    if old.path_key != new.path_key:
        found.append(make("endpoint.path-changed", "endpoint", old=old.path, new=new.path))
    elif old.path != new.path:
        for before, after in zip(old.path_params, new.path_params, strict=True):
            if before != after:
                found.append(make("endpoint.parameter-renamed", "endpoint", old=before, new=after))
    if new.deprecated and not old.deprecated:
        found.append(make("endpoint.deprecated", "endpoint"))
    if new.sunset and new.sunset != old.sunset:
        passed = today is not None and new.sunset <= today
        was_passed = old.sunset is not None and today is not None and old.sunset <= today
        if passed and not was_passed:
            found.append(make("endpoint.sunset-passed", "endpoint", new=new.sunset.isoformat()))
        elif not passed:
            found.append(make("endpoint.sunset-set", "endpoint", new=new.sunset.isoformat()))


def _parameters(walk: Walk, old: Operation, new: Operation) -> None:
    before, after = _keyed(old), _keyed(new)
    for key in [*before, *(k for k in after if k not in before)]:
        location = f"parameter.{key[0]}.{key[1]}"
        was, now = before.get(key), after.get(key)
        if now is None:
            walk.add("request.parameter-removed", location)
        elif was is None:
            rule = "request.parameter-required-added" if now.required else "request.parameter-added"
            walk.add(rule, location)
        else:
            if now.required != was.required:
                state = "required" if now.required else "optional"
                walk.add(f"request.parameter-became-{state}", location)
            compare(walk, was.schema or {}, now.schema or {}, location, REQUEST)


def _keyed(operation: Operation) -> dict[tuple[str, str], Parameter]:
    """Parameters by (where, name); path parameters by position, so a rename is not a removal."""
    positions = {name: i for i, name in enumerate(operation.path_params)}
    found = {}
    for parameter in operation.parameters:
        name = parameter.name
        if parameter.location == "path":
            if name not in positions:
                continue
            name = operation.path_params[positions[name]]  # shown by its name in `new`
            found[("path", str(positions[parameter.name]))] = parameter
            continue
        if parameter.location == "header":
            name = name.lower()  # header names are case-insensitive
        found[(parameter.location, name)] = parameter
    return found


def _body(walk: Walk, old: Operation, new: Operation) -> None:
    location = "request.body"
    if new.body is None:
        if old.body is not None:
            walk.add("request.body-removed", location)
        return
    if old.body is None or (new.body_required and not old.body_required):
        walk.add("request.body-required" if new.body_required else "request.body-added", location)
        if old.body is None:
            return
    compare(walk, old.body, new.body, location, REQUEST)


def _responses(walk: Walk, old: Operation, new: Operation) -> None:
    old_success = [code for code in old.responses if 200 <= code < 300]
    new_success = [code for code in new.responses if 200 <= code < 300]
    gone = [code for code in old.responses if code not in new.responses]
    lost_success = [code for code in gone if code in old_success]
    added_success = [code for code in new_success if code not in old.responses]
    if lost_success and not [c for c in old_success if c in new.responses] and added_success:
        before, after = lost_success[0], added_success[0]
        walk.add("response.success-status-changed", f"response.{before}", old=before, new=after)
        _body_of(walk, old.responses[before], new.responses[after], f"response.{after}", after)
        lost_success, added_success = lost_success[1:], added_success[1:]
    for code in lost_success:
        walk.add("response.success-status-removed", f"response.{code}", old=code)
    for code in gone:
        if code not in old_success:
            walk.add("response.error-status-removed", f"response.{code}", old=code)
    for code in new.responses:
        if code in added_success or (code not in old.responses and code not in new_success):
            walk.add("response.status-added", f"response.{code}", new=code)
    for code, schema in new.responses.items():
        if code in old.responses:
            _body_of(walk, old.responses[code], schema, f"response.{code}", code)


def _body_of(walk: Walk, before, after, location: str, code: int) -> None:
    if before is not None and after is None:
        walk.add("response.body-removed", location, old=code)
    elif before is None and after is not None:
        walk.add("response.body-added", location, new=code)
    elif before is not None:
        compare(walk, before, after, location, RESPONSE)


def _docs(old: Operation, new: Operation) -> list[Change]:
    found = []
    for key in [*old.docs, *(k for k in new.docs if k not in old.docs)]:
        if old.docs.get(key) == new.docs.get(key):
            continue
        if key in ("summary", "description", "tags"):
            found.append(make(f"docs.{key}", "docs"))
        elif key == "request" and old.body is not None and new.body is not None:
            found.append(make("docs.example", "request.body"))
        elif key.isdigit() and int(key) in old.responses and int(key) in new.responses:
            found.append(make("docs.example", f"response.{key}"))
    return found
