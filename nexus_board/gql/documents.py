"""GraphQL operation documents: parsed, measured and validated against a schema, within limits.

Shared by the contracts (one named operation each) and the mock (whatever a client sends).
Depth and size are measured on the parsed document before graphql-core validates it, so a
hostile document (deep, or fragments spread a thousand times) costs a bounded walk.
"""

from dataclasses import dataclass, field

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    parse,
    print_ast,
    validate,
)

from ..limits import GRAPHQL_DEPTH, GRAPHQL_DOCUMENT_CHARS, GRAPHQL_DOCUMENT_TOKENS, GRAPHQL_FIELDS

MAX_ERRORS = 20


@dataclass
class Problem(Exception):
    """Why a document is refused: GraphQL errors as a server would send them."""

    errors: list[dict] = field(default_factory=list)  # [{"message", "locations"?}]

    @property
    def message(self) -> str:
        return self.errors[0]["message"] if self.errors else "The document is not valid."

    def __str__(self) -> str:
        return "; ".join(_with_place(e) for e in self.errors[:3])


@dataclass(frozen=True)
class Operation:
    document: DocumentNode
    node: OperationDefinitionNode
    fragments: dict[str, FragmentDefinitionNode]

    @property
    def kind(self) -> str:
        return self.node.operation.value  # "query", "mutation" or "subscription"

    @property
    def name(self) -> str | None:
        return self.node.name.value if self.node.name else None

    @property
    def printed(self) -> str:
        """The document in graphql-core's layout: two documents that differ only in spacing,
        commas or comments print the same."""
        return print_ast(self.document)


def parse_document(text: str) -> DocumentNode:
    """The parsed document, or Problem (too long, too many tokens, a syntax error)."""
    if len(text) > GRAPHQL_DOCUMENT_CHARS:
        raise Problem(
            [{"message": f"A document may be at most {GRAPHQL_DOCUMENT_CHARS:,} characters."}]
        )
    try:
        return parse(text, max_tokens=GRAPHQL_DOCUMENT_TOKENS)
    except GraphQLError as error:
        raise Problem([error.formatted]) from None


def operation(
    schema: GraphQLSchema, text: str, name: str | None = None, *, max_errors: int = MAX_ERRORS
) -> Operation:
    """The operation `name` (or the only one) of `text`, valid against `schema`, or Problem."""
    document = parse_document(text)
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    chosen = _choose(operations, name)
    measure(chosen.selection_set, fragments)
    errors = validate(schema, document, max_errors=max_errors)
    if errors:
        raise Problem([error.formatted for error in errors])
    return Operation(document, chosen, fragments)


def measure(selection_set: SelectionSetNode, fragments: dict) -> None:
    """Problem when the selections nest deeper than GRAPHQL_DEPTH or number more than
    GRAPHQL_FIELDS (each fragment counted where it is spread). Stops at the first limit."""
    count = 0
    stack = [(selection_set, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > GRAPHQL_DEPTH:
            raise Problem(
                [{"message": f"The operation nests more than {GRAPHQL_DEPTH} levels deep."}]
            )
        for selection in node.selections:
            count += 1
            if count > GRAPHQL_FIELDS:
                raise Problem(
                    [
                        {
                            "message": f"The operation selects more than {GRAPHQL_FIELDS} "
                            "fields (fragments counted each time they are "
                            "spread)."
                        }
                    ]
                )
            inner = _inner(selection, fragments)
            if inner is not None:
                stack.append((inner, depth + (1 if isinstance(selection, FieldNode) else 0)))


def _inner(selection, fragments: dict) -> SelectionSetNode | None:
    if isinstance(selection, FragmentSpreadNode):
        fragment = fragments.get(selection.name.value)
        return fragment.selection_set if fragment else None
    if isinstance(selection, FieldNode | InlineFragmentNode):
        return selection.selection_set
    return None


def _choose(operations: list[OperationDefinitionNode], name: str | None):
    if not operations:
        raise Problem([{"message": "The document holds no operation (query or mutation)."}])
    if name:
        for node in operations:
            if node.name and node.name.value == name:
                return node
        raise Problem([{"message": f"The document has no operation named {name!r}."}])
    if len(operations) > 1:
        raise Problem(
            [
                {
                    "message": "The document holds several operations: say which one "
                    "with operationName."
                }
            ]
        )
    return operations[0]


def _with_place(error: dict) -> str:
    locations = error.get("locations") or []
    if not locations:
        return error["message"]
    first = locations[0]
    return f"{error['message']} (line {first['line']}, column {first['column']})"
