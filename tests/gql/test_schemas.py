"""Reading schemas: SDL and graphene-django's introspection JSON, refusals with reasons, limits."""

import json

import pytest
from graphql import build_schema, introspection_from_schema

from nexus_board.errors import Invalid
from nexus_board.gql.reading import read
from nexus_board.limits import GRAPHQL_SCHEMA_BYTES, GRAPHQL_SCHEMA_TYPES

from .factories import SDL_V1


def test_sdl_is_read_and_printed_canonically():
    found = read(SDL_V1)
    assert found.source == "sdl"
    assert "type Product implements Node {\n  id: ID!\n  name: String!" in found.sdl


def test_graphene_django_introspection_json_reads_as_the_same_schema():
    # `./manage.py graphql_schema --out schema.json` writes {"data": {"__schema": …}}.
    written = json.dumps({"data": introspection_from_schema(build_schema(SDL_V1))})
    found = read(written)
    assert found.source == "introspection"
    assert found.sdl == read(SDL_V1).sdl


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "Paste or upload a schema"),
        ("type Query { a: Strin }", "Unknown type 'Strin'"),
        ("type Query { a: String", "Syntax Error"),
        ("type Thing { a: String }", "no Query type"),
        ('{"data": {"types": []}}', "no `__schema`"),
        ("{not json", "The JSON cannot be read"),
        ("type Query { a: String }\ntype Query { b: Int }", "There can be only one type named"),
        (
            "interface I { a: String } type Query implements I { b: Int }",
            "Interface field I.a expected",
        ),
    ],
)
def test_invalid_schemas_are_refused_with_the_reason(text, reason):
    with pytest.raises(Invalid) as refused:
        read(text)
    assert reason in refused.value.errors["text"]


def test_a_schema_past_the_size_limit_is_refused():
    text = "type Query { a: String }\n" + "#" * GRAPHQL_SCHEMA_BYTES
    with pytest.raises(Invalid) as refused:
        read(text)
    assert f"at most {GRAPHQL_SCHEMA_BYTES // 1024} KB" in refused.value.errors["text"]


def test_a_schema_with_too_many_types_is_refused():
    types = "\n".join(f"type T{i} {{ a: Int }}" for i in range(GRAPHQL_SCHEMA_TYPES + 1))
    with pytest.raises(Invalid) as refused:
        read("type Query { a: T0 }\n" + types)
    assert f"{GRAPHQL_SCHEMA_TYPES:,} types" in refused.value.errors["text"]


def test_a_schema_of_too_many_tokens_is_refused_before_it_is_built():
    fields = " ".join(f"f{i}: Int" for i in range(35_000))
    with pytest.raises(Invalid) as refused:
        read(f"type Query {{ {fields} }}")
    assert "tokens" in refused.value.errors["text"]
