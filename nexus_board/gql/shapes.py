"""What an operation answers: does a `data` value fit its selection set and field types, and
what data would a server built from the schema answer (the mock's made-up data).

Both walk the operation and the value together, one step per value, and stop after
GRAPHQL_VALUES values.
"""

import re
import zlib

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    InlineFragmentNode,
    SchemaMetaFieldDef,
    TypeMetaFieldDef,
    TypeNameMetaFieldDef,
    is_abstract_type,
    is_enum_type,
    is_leaf_type,
    is_list_type,
    is_non_null_type,
)

from ..board.examples import json_type
from ..limits import GRAPHQL_LIST_ITEMS, GRAPHQL_VALUES
from .documents import Operation

MAX_PROBLEMS = 10
META = {
    "__typename": TypeNameMetaFieldDef,
    "__schema": SchemaMetaFieldDef,
    "__type": TypeMetaFieldDef,
}
INT_RANGE = range(-(2**31), 2**31)
LIST_INDEX = re.compile(r"\[(\d+)\]")


class TooLarge(Exception):
    """The answer would hold more than GRAPHQL_VALUES values."""


def root_type(schema: GraphQLSchema, operation: Operation):
    return schema.mutation_type if operation.kind == "mutation" else schema.query_type


def introspection(operation: Operation) -> bool:
    """Whether the operation asks about the schema itself (`__schema`, `__type`)."""
    return any(
        isinstance(selection, FieldNode) and selection.name.value in META
        for selection in operation.node.selection_set.selections
    )


def mismatches(schema: GraphQLSchema, operation: Operation, data) -> list[str]:
    """Where `data` does not fit the operation: ["data.products[0].price: …"], at most 10."""
    walk = _Walk(schema, operation)
    try:
        walk.check_object(root_type(schema, operation), [operation.node], data, "data")
    except TooLarge:
        walk.problems.append(f"data: more than {GRAPHQL_VALUES:,} values; not checked further.")
    return walk.problems[:MAX_PROBLEMS]


def made_up(schema: GraphQLSchema, operation: Operation) -> dict:
    """Deterministic data for the operation: every selected field filled, enums and lists
    respected (GRAPHQL_LIST_ITEMS items each). Raises TooLarge."""
    walk = _Walk(schema, operation)
    return walk.make_object(root_type(schema, operation), [operation.node], "data")


class _Walk:
    def __init__(self, schema: GraphQLSchema, operation: Operation):
        self.schema, self.fragments = schema, operation.fragments
        self.problems: list[str] = []
        self.budget = GRAPHQL_VALUES

    def _spend(self) -> None:
        self.budget -= 1
        if self.budget < 0:
            raise TooLarge

    def _fields(self, type_, nodes) -> dict[str, list[FieldNode]]:
        """The selected fields of `nodes` that apply to the object type `type_`, by key."""
        found: dict[str, list[FieldNode]] = {}
        stack = [node.selection_set for node in reversed(nodes) if node.selection_set]
        while stack:
            for selection in reversed(stack.pop().selections):
                if isinstance(selection, FieldNode):
                    key = (selection.alias or selection.name).value
                    found.setdefault(key, []).append(selection)
                    continue
                if isinstance(selection, FragmentSpreadNode):
                    selection = self.fragments[selection.name.value]
                elif not isinstance(selection, InlineFragmentNode):
                    continue
                if self._applies(selection.type_condition, type_):
                    stack.append(selection.selection_set)
        return dict(sorted(found.items(), key=lambda item: _position(item[1][0])))

    def _applies(self, condition, type_) -> bool:
        if condition is None:
            return True
        wanted = self.schema.get_type(condition.name.value)
        if wanted is None or wanted is type_:
            return wanted is type_
        return is_abstract_type(wanted) and self.schema.is_sub_type(wanted, type_)

    def _concrete(self, type_, value=None):
        """The object type an abstract type's value is: its __typename, else the first."""
        if not is_abstract_type(type_):
            return type_
        possible = sorted(self.schema.get_possible_types(type_), key=lambda t: t.name)
        name = value.get("__typename") if isinstance(value, dict) else None
        return next((t for t in possible if t.name == name), possible[0] if possible else None)

    # Checking an example.
    def check_object(self, type_, nodes, value, path: str) -> None:
        self._spend()
        if not isinstance(value, dict):
            self.problems.append(f"{path}: expected an object ({type_.name}), got {_kind(value)}.")
            return
        concrete = self._concrete(type_, value)
        fields = self._fields(concrete, nodes)
        for key in value:
            if key not in fields:
                self.problems.append(f"{path}.{key}: the operation does not select it.")
        for key, selected in fields.items():
            if key not in value:
                self.problems.append(f"{path}.{key}: missing (the operation selects it).")
                continue
            name = selected[0].name.value
            field_type = self._field_type(concrete, name)
            self.check_value(field_type, selected, value[key], f"{path}.{key}")

    def check_value(self, type_, nodes, value, path: str) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            return
        if is_non_null_type(type_):
            if value is None:
                self.problems.append(f"{path}: is null, but the schema says {type_} (non-null).")
                return
            type_ = type_.of_type
        if value is None:
            self._spend()
            return
        if is_list_type(type_):
            self._spend()
            if not isinstance(value, list):
                self.problems.append(f"{path}: expected a list ({type_}), got {_kind(value)}.")
                return
            for index, item in enumerate(value):
                self.check_value(type_.of_type, nodes, item, f"{path}[{index}]")
            return
        if is_leaf_type(type_):
            self._spend()
            problem = _leaf_problem(type_, value)
            if problem:
                self.problems.append(f"{path}: {problem}")
            return
        self.check_object(type_, nodes, value, path)

    # Making data up.
    def make_object(self, type_, nodes, path: str) -> dict:
        self._spend()
        concrete = self._concrete(type_)
        made = {}
        for key, selected in self._fields(concrete, nodes).items():
            name = selected[0].name.value
            if name == "__typename":
                made[key] = concrete.name
                continue
            made[key] = self.make_value(
                self._field_type(concrete, name), selected, f"{path}.{key}", name
            )
        return made

    def make_value(self, type_, nodes, path: str, name: str):
        if isinstance(type_, GraphQLNonNull):
            type_ = type_.of_type
        if isinstance(type_, GraphQLList):
            self._spend()
            return [
                self.make_value(type_.of_type, nodes, f"{path}[{index}]", name)
                for index in range(GRAPHQL_LIST_ITEMS)
            ]
        if is_leaf_type(type_):
            self._spend()
            return _made_up_leaf(type_, path, name)
        return self.make_object(type_, nodes, path)

    def _field_type(self, type_, name: str):
        if name in META:
            return META[name].type
        return type_.fields[name].type


def _position(node: FieldNode) -> int:
    return node.loc.start if node.loc else 0


def _leaf_problem(type_, value) -> str | None:
    if is_enum_type(type_):
        if value not in type_.values:
            allowed = ", ".join(list(type_.values)[:10])
            return f"{value!r} is not a value of the enum {type_.name} ({allowed})."
        return None
    expected = {
        "Int": lambda v: isinstance(v, int) and not isinstance(v, bool) and v in INT_RANGE,
        "Float": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
        "String": lambda v: isinstance(v, str),
        "Boolean": lambda v: isinstance(v, bool),
        "ID": lambda v: isinstance(v, str) or (isinstance(v, int) and not isinstance(v, bool)),
    }.get(type_.name)
    if expected is None:  # a custom scalar (DateTime, JSON): any JSON value may be it
        return None
    if expected(value):
        return None
    return f"expected {type_.name}, got {_kind(value)} {_short(value)}."


def _made_up_leaf(type_, path: str, name: str):
    """The same path always gets the same value: a checksum of it, not Python's salted hash."""
    number = zlib.crc32(path.encode()) % 1000
    if isinstance(type_, GraphQLEnumType):
        values = list(type_.values)
        return values[number % len(values)] if values else None
    indexes = LIST_INDEX.findall(path)
    index = int(indexes[-1]) + 1 if indexes else 1
    return {
        "Int": number,
        "Float": number / 10 + 0.5,
        "Boolean": number % 2 == 0,
        "ID": str(index if indexes else number),
    }.get(type_.name, f"{name} {index}")


def _kind(value) -> str:
    """ "a string", "a list": JSON's own type names, as a sentence says them."""
    kind = json_type(value)
    return {"null": "null", "array": "a list", "object": "an object"}.get(kind, f"a {kind}")


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"
