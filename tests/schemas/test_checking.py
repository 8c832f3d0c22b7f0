"""Schemas as user input: read from JSON or YAML, checked, bounded, and never fetched."""

import time

import pytest

from nexus_board.schemas import checking, validation
from nexus_board.schemas.conversion import to_31


def test_json_and_yaml_read_the_same():
    assert checking.parse('{"type": "string", "maxLength": 5}') == checking.parse(
        "type: string\nmaxLength: 5\n"
    )
    assert checking.parse("  ") is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("type: [", "Not valid YAML: line 1"),
        ("a: &x 1\nb: *x\n", "YAML aliases"),
        ("[" * 40 + "]" * 40, "nested more than 32 levels deep"),
        ("x" * 60_000, "under 50,000 characters"),
        ('{"type": "strin"}', "Not a JSON Schema"),
        ('{"$ref": "https://example.com/evil.json"}', "points outside this contract"),
        ('{"$ref": "#/components/schemas/Missing"}', "names no schema: add Missing"),
        ('{"$id": "https://example.com/"}', "$id is not supported"),
        ('{"type": "string", "pattern": "(?=a)b"}', "cannot be checked in linear time"),
        ('{"type": "string", "pattern": "' + "a" * 1001 + '"}', "under 1,000 characters"),
        ("[1, 2]", "Write the schema as an object"),
    ],
)
def test_a_schema_that_cannot_be_stored_says_why(text, reason):
    with pytest.raises(checking.SchemaProblem) as refused:
        checking.check(checking.parse(text), {})
    assert reason in str(refused.value)


def test_a_remote_ref_is_never_fetched_even_when_validating():
    with pytest.raises(Exception, match="Unresolvable"):
        validation.errors({"$ref": "http://127.0.0.1:9/never"}, {})


def test_a_catastrophic_pattern_runs_in_linear_time_on_re2():
    schema = {"type": "string", "pattern": "^(a+)+$"}  # exponential on Python's re
    start = time.monotonic()
    found = validation.errors(schema, "a" * 50_000 + "!")
    assert found and time.monotonic() - start < 1  # a budget, not a benchmark: 2^50 otherwise


def test_anyof_over_a_recursive_schema_stops_at_the_step_budget():
    node = {"anyOf": [
        {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/N"}}, "required": ["x"]},
        {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/N"}}},
    ]}  # fmt: skip
    value: dict = {}
    for _ in range(30):
        value = {"a": value}
    with pytest.raises(validation.TooComplex):
        validation.errors({"$ref": "#/components/schemas/N"}, value, {"N": node})


def test_read_only_fields_are_not_required_of_what_a_client_sends():
    schema = {"type": "object", "properties": {"id": {"type": "integer", "readOnly": True}},
              "required": ["id"]}  # fmt: skip
    assert validation.errors(schema, {}, sent=True) == []
    assert validation.errors(schema, {}, sent=False) != []


@pytest.mark.parametrize(
    ("three_oh", "three_one"),
    [
        ({"type": "string", "nullable": True}, {"type": ["string", "null"]}),
        ({"type": "string", "nullable": False}, {"type": "string"}),
        ({"type": "string", "enum": ["a", "b"], "nullable": True},
         {"type": ["string", "null"], "enum": ["a", "b", None]}),
        ({"nullable": True, "description": "d", "allOf": [{"$ref": "#/components/schemas/P"}]},
         {"description": "d", "anyOf": [{"allOf": [{"$ref": "#/components/schemas/P"}]},
                                        {"type": "null"}]}),
        ({"type": "integer", "minimum": 0, "exclusiveMinimum": True}, {"type": "integer", "exclusiveMinimum": 0}),
        ({"type": "integer", "maximum": 9, "exclusiveMaximum": False}, {"type": "integer", "maximum": 9}),
        ({"type": "array", "items": {"type": "integer", "nullable": True}},
         {"type": "array", "items": {"type": ["integer", "null"]}}),
        ({"type": "object", "properties": {"a": {"type": "object", "nullable": True,
                                                 "additionalProperties": {"type": "string", "nullable": True}}}},
         {"type": "object", "properties": {"a": {"type": ["object", "null"],
                                                 "additionalProperties": {"type": ["string", "null"]}}}}),
        ({"oneOf": [{"type": "string", "nullable": True}], "readOnly": True},
         {"oneOf": [{"type": ["string", "null"]}], "readOnly": True}),
    ],
)  # fmt: skip
def test_openapi_3_0_schemas_are_kept_in_3_1_form(three_oh, three_one):
    assert to_31(three_oh) == three_one
    assert checking.check(to_31(three_oh), {"P": {}}) == three_one
