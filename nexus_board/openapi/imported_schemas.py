"""An imported operation's schemas as a contract keeps them: parameters, body, responses and
the named schemas they refer to, in 3.1 form.

`$ref`s to `#/components/schemas/...` are kept as they are, with the schemas they name copied
into the contract; a schema that refers anywhere else is left out with a note (the example is
then the contract's only word on it).
"""

from ..board import examples
from ..schemas import COMPONENTS_PREFIX
from ..schemas.conversion import to_31
from ..schemas.refs import names_used
from ..schemas.validation import TooComplex, errors

MAX_DESCRIPTION = 500
PLAIN = {"type": "string"}


class Reader:
    """The schemas of one document, converted once."""

    def __init__(self, document: dict):
        self.document = document
        self.convert = to_31 if str(document.get("openapi", "")).startswith("3.0") else _same
        named = (document.get("components") or {}).get("schemas") or {}
        self.components = {str(k): self.convert(v) for k, v in named.items() if isinstance(v, dict)}

    def schema(self, media: dict | None, what: str, notes: list) -> dict | None:
        """The 3.1 schema of a media type object (None without one, or with outside refs)."""
        raw = media.get("schema") if isinstance(media, dict) else None
        if not isinstance(raw, dict):
            return None
        schema = self.convert(raw)
        outside = _outside_ref(schema)
        if outside:
            notes.append(f"{what}: its schema refers to {outside[:80]}, outside the named "
                         "schemas: it is inferred from the example instead.")  # fmt: skip
            return None
        return schema

    def parameters(self, resolve, raw_lists, notes: list) -> list[dict]:
        found = {}
        for raw in raw_lists:
            raw = resolve(raw)
            if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
                continue
            where = raw.get("in")
            if where not in ("path", "query", "header"):
                notes.append(f"The {where} parameter {raw['name']} was left out.")
                continue
            item = {"name": raw["name"], "in": where, "required": bool(raw.get("required"))}
            description = " ".join(str(raw.get("description") or "").split())
            if description:
                item["description"] = description[:MAX_DESCRIPTION]
            schema = self.schema(raw, f"The {where} parameter {raw['name']}", notes)
            if schema is not None:
                item["schema"] = schema
            if item == {"name": raw["name"], "in": "path", "required": True, "schema": PLAIN}:
                continue  # what a contract says of a path parameter it does not list
            found[(where, raw["name"])] = item  # the operation's own win over the path's
        return list(found.values())

    def used(self, *schemas) -> dict:
        """The named schemas `schemas` refer to, directly or not."""
        return {name: self.components[name] for name in names_used(list(schemas), self.components)}


def fits(example, schema: dict | None, components: dict, what: str, notes: list, *, sent: bool):
    """`example` if it satisfies `schema`; else None, with a note saying why."""
    if example is None or schema is None:
        return example
    try:
        problems = errors(schema, example, components, sent=sent)
    except TooComplex:
        problems = [{"path": "$", "message": "the schema is too complex to check it"}]
    if not problems:
        return example
    first = problems[0]
    notes.append(f"{what}: its example does not match its schema ({first['path']}: "
                 f"{first['message'][:100]}), so it was left out.")  # fmt: skip
    return None


def dump(value) -> str:
    return "" if value is None else examples.dump(value)


def _same(schema):
    return schema


def _outside_ref(schema) -> str | None:
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and not ref.startswith(COMPONENTS_PREFIX):
                return ref
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return None
