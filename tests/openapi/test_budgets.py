"""Uploaded documents and the examples built from their schemas stay within their budgets."""

import json

import pytest

from nexus_board.errors import Invalid
from nexus_board.openapi import drafts, reading


def document(schemas: dict, operations: int = 1, ref: str = "#/components/schemas/N") -> dict:
    content = {"application/json": {"schema": {"$ref": ref}}}
    get = {"get": {"responses": {"200": {"description": "ok", "content": content}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Budgets", "version": "1"},
        "paths": {f"/n{i}": get for i in range(operations)},
        "components": {"schemas": schemas},
    }


def chain(width: int, depth: int) -> dict:
    """S0 → S1 → … each with `width` properties pointing at the next: width ** depth values."""
    schemas = {
        f"S{i}": {
            "type": "object",
            "properties": {
                f"p{k}": {"$ref": f"#/components/schemas/S{i + 1}"} for k in range(width)
            },
        }
        for i in range(depth)
    }
    return schemas | {f"S{depth}": {"type": "string"}}


def test_a_schema_inside_itself_stops_at_its_first_repeat():
    node = {
        "type": "object",
        "properties": {k: {"$ref": "#/components/schemas/N"} for k in "abcde"},
    }
    (found,), _ = drafts.operations(document({"N": node}))
    example = json.loads(found["draft"]["responses"][0]["example"])
    assert example == {}  # was a 78 MB example: the optional fields repeating it are left out
    node["required"] = ["a"]
    (found,), _ = drafts.operations(document({"N": node}))
    assert found["draft"]["responses"][0]["example"] == ""  # {"a": null} is no N: left out
    assert (
        "its example does not match its schema ($.a: None is not of type 'object')"
        in (found["notes"][0])
    )


def test_an_example_past_its_budget_is_left_out_with_a_note():
    (found,), _ = drafts.operations(document(chain(6, 8), ref="#/components/schemas/S0"))
    assert found["draft"]["responses"][0]["example"] == ""
    assert any("too large to keep" in note for note in found["notes"])


def test_a_document_past_its_budget_names_the_operation():
    with pytest.raises(Invalid) as refused:
        drafts.operations(document(chain(6, 8), operations=40, ref="#/components/schemas/S0"))
    assert "by GET /n" in refused.value.errors["document"]


def test_own_examples_are_kept_whatever_the_schema():
    doc = document(chain(6, 8), ref="#/components/schemas/S0")
    media = doc["paths"]["/n0"]["get"]["responses"]["200"]["content"]["application/json"]
    media["example"] = {"kept": True}
    (found,), _ = drafts.operations(doc)
    assert json.loads(found["draft"]["responses"][0]["example"]) == {"kept": True}


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"openapi": "3.1.0", "x": ' + b"[" * 600 + b"]" * 600 + b"}", "nested more than 64"),
        (b'{"openapi": "3.1.0", "info": {"title": "a\\u0000"}}', "NUL character"),
        (b'openapi: 3.1.0\ninfo: {title: "a\\0", version: "1"}\npaths: {}\n', "NUL character"),
        (b'{"openapi": "3.1.0", "x": "\\ud800"}', "lone UTF-16 surrogate"),
        (b"openapi: 3.1.0\nx: " + b"[" * 600 + b"]" * 600, "nested too deeply"),
    ],
)
def test_an_upload_is_checked_before_anything_walks_it(data, reason):
    with pytest.raises(Invalid) as refused:
        reading.read(data)
    assert reason in refused.value.errors["document"]
