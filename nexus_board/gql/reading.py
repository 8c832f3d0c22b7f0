"""A GraphQL schema as a learner uploads it: SDL, or graphene-django's introspection JSON.

Read with graphql-core and printed back as SDL, so every stored version is one canonical text.
Everything here is bounded by `limits.py`: the text's size, its tokens, its types.
"""

from dataclasses import dataclass
from functools import lru_cache

from graphql import (
    GraphQLError,
    GraphQLSchema,
    build_ast_schema,
    build_client_schema,
    parse,
    print_schema,
    validate_schema,
)

from .. import json_values
from ..errors import Invalid
from ..limits import (
    DOCUMENT_DEPTH,
    DOCUMENT_VALUES,
    GRAPHQL_SCHEMA_BYTES,
    GRAPHQL_SCHEMA_TOKENS,
    GRAPHQL_SCHEMA_TYPES,
)

FIELD = "text"  # the upload form's field


@dataclass(frozen=True)
class ReadSchema:
    sdl: str  # printed by graphql-core
    source: str  # "sdl" or "introspection"


def read(text: str) -> ReadSchema:
    """The schema `text` holds, checked; Invalid saying why not."""
    text = (text or "").strip()
    if not text:
        raise _refused("Paste or upload a schema: SDL, or the JSON `graphql_schema` writes.")
    if len(text.encode("utf-8", "surrogatepass")) > GRAPHQL_SCHEMA_BYTES:
        raise _refused(f"A schema may be at most {GRAPHQL_SCHEMA_BYTES // 1024} KB.")
    if text.startswith("{"):
        schema, source = _from_introspection(text), "introspection"
    else:
        schema, source = _from_sdl(text), "sdl"
    if schema.query_type is None:
        raise _refused("The schema has no Query type: a GraphQL API needs one.")
    problems = validate_schema(schema)
    if problems:
        raise _refused(_said(problems[0]))
    types = [name for name in schema.type_map if not name.startswith("__")]
    if len(types) > GRAPHQL_SCHEMA_TYPES:
        raise _refused(f"A schema may name at most {GRAPHQL_SCHEMA_TYPES:,} types.")
    return ReadSchema(print_schema(schema), source)


@lru_cache(maxsize=32)
def built(sdl: str) -> GraphQLSchema:
    """The schema a stored SDL text describes. A pure function of the text, so this process
    may keep it: a new version is a new text (the mock finds which through the cache)."""
    return build_ast_schema(parse(sdl, max_tokens=GRAPHQL_SCHEMA_TOKENS), assume_valid_sdl=True)


def _from_sdl(text: str) -> GraphQLSchema:
    try:
        return build_ast_schema(parse(text, max_tokens=GRAPHQL_SCHEMA_TOKENS))
    except GraphQLError as error:
        raise _refused(_said(error)) from None
    except TypeError as error:  # graphql-core says so for a type it cannot build
        raise _refused(f"The schema cannot be built: {error}") from None


def _from_introspection(text: str) -> GraphQLSchema:
    try:
        value = json_values.loads(text, depth=DOCUMENT_DEPTH, values=DOCUMENT_VALUES)
    except json_values.Refused as error:
        raise _refused(f"The JSON cannot be read: {error}") from None
    if isinstance(value, dict) and isinstance(value.get("data"), dict):
        value = value["data"]  # `graphql_schema --out schema.json` writes {"data": {"__schema"}}
    if not isinstance(value, dict) or not isinstance(value.get("__schema"), dict):
        raise _refused("This JSON is not an introspection result: it has no `__schema`.")
    try:
        return build_client_schema(value)
    except (TypeError, KeyError, ValueError, GraphQLError) as error:
        raise _refused(f"The introspection result cannot be read: {error}") from None


def _said(error: GraphQLError) -> str:
    where = ""
    if error.locations:
        where = f" (line {error.locations[0].line}, column {error.locations[0].column})"
    return f"{error.message}{where}"


def _refused(reason: str) -> Invalid:
    return Invalid(f"The schema was not saved: {reason}", errors={FIELD: reason})
