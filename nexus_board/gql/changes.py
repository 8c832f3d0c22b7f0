"""What a new schema version changes: graphql-core's breaking and dangerous changes for the
schema, and for each operation whether it still validates and which deprecated fields it uses."""

from dataclasses import dataclass, field

from graphql import (
    GraphQLSchema,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    find_breaking_changes,
    find_dangerous_changes,
    get_named_type,
    visit,
)

from .documents import Problem, operation

BREAKING, DANGEROUS = "breaking", "dangerous"


def schema_changes(old: GraphQLSchema | None, new: GraphQLSchema) -> list[dict]:
    """[{"severity", "type", "description"}], breaking ones first; none for a first version."""
    if old is None:
        return []
    found = [_change(BREAKING, c) for c in find_breaking_changes(old, new)]
    return found + [_change(DANGEROUS, c) for c in find_dangerous_changes(old, new)]


@dataclass
class Verdict:
    """One operation against a schema: why it no longer validates, which deprecated fields it
    uses (with the reason), both empty when it is untouched."""

    errors: list[str] = field(default_factory=list)
    deprecated: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors


def judge(schema: GraphQLSchema, document: str, name: str | None) -> Verdict:
    try:
        found = operation(schema, document, name)
    except Problem as problem:
        return Verdict(errors=[error["message"] for error in problem.errors])
    return Verdict(deprecated=deprecated_uses(schema, found.document))


def deprecated_uses(schema: GraphQLSchema, document) -> list[str]:
    """ "Product.price is deprecated: Use cost." for each deprecated field the document selects."""
    info = TypeInfo(schema)
    found: list[str] = []

    class Uses(Visitor):
        def enter_field(self, node, *_):
            definition, parent = info.get_field_def(), info.get_parent_type()
            if definition is None or definition.deprecation_reason is None:
                return
            said = f"{get_named_type(parent).name}.{node.name.value} is deprecated: "
            said += definition.deprecation_reason
            if said not in found:
                found.append(said)

    visit(document, TypeInfoVisitor(info, Uses()))
    return found


def _change(severity: str, change) -> dict:
    return {"severity": severity, "type": change.type.name, "description": change.description}
