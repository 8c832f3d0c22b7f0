"""Reading uploaded documents: JSON or YAML, at most 1 MB, OpenAPI 3.0/3.1, the validator's word."""

import json

import pytest

from nexus_board.errors import Invalid
from nexus_board.openapi.reading import MAX_BYTES, read

MINIMAL = {
    "openapi": "3.0.3",
    "info": {"title": "Shop", "version": "1"},
    "paths": {"/items": {"get": {"responses": {"200": {"description": "OK"}}}}},
}


def problem(data: bytes | str) -> str:
    with pytest.raises(Invalid) as caught:
        read(data.encode() if isinstance(data, str) else data)
    return caught.value.errors["document"]


def test_json_and_yaml_both_read():
    assert read(json.dumps(MINIMAL).encode()) == MINIMAL
    text = """\
openapi: 3.1.0
info: {title: Shop, version: 2024-01-31}
paths:
  /items:
    get:
      responses:
        200: {description: OK}
"""
    document = read(text.encode())
    # YAML's dates and numeric keys become JSON's strings.
    assert document["info"]["version"] == "2024-01-31"
    assert list(document["paths"]["/items"]["get"]["responses"]) == ["200"]


def test_at_most_one_megabyte():
    big = json.dumps(MINIMAL | {"x-padding": "x" * MAX_BYTES}).encode()
    assert problem(big).startswith("The file is 1.0 MB; import at most 1 MB.")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("", "The document is empty."),
        (b"\xff\xfe{}", "The file is not UTF-8 text: export JSON or YAML."),
        ('{"openapi": "3.0.3",}', "Not valid JSON: line 1, column 21: Expecting property name"),
        ("openapi: [3.0", "Not valid YAML: line 1, column 14: expected ',' or ']', but got"),
        ("a: &x [1, 2]\nb: *x", "Not valid YAML: line 2, column 4: YAML aliases (*name) are not"),
        ("- 1\n- 2", "This is not an OpenAPI document: it should be an object"),
        ('swagger: "2.0"', "This is a Swagger 2.0 document: import OpenAPI 3.0 or 3.1"),
        ("openapi: 2.5.0", "OpenAPI 2.5.0 is not supported: import OpenAPI 3.0 or 3.1."),
        ("title: not openapi", "This is not an OpenAPI document: the openapi field"),
    ],
)
def test_unreadable_documents_say_why(data, message):
    assert problem(data).startswith(message)


def test_an_invalid_document_gets_the_validator_s_message():
    broken = MINIMAL | {"info": {"title": "Shop"}}
    message = problem(json.dumps(broken))
    assert message.startswith("Not a valid OpenAPI document: ")
    assert "version" in message and "is a required property" in message
    assert message.endswith("(at info)")

    params = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"/items/{id}": {"get": {"responses": {"200": {"description": "OK"}}}}},
    }
    assert "Path parameter 'id'" in problem(json.dumps(params))


@pytest.mark.parametrize(
    "ref", ["https://example.com/schemas.json", "file:///etc/passwd", "other.yaml#/X"]
)
def test_references_outside_the_document_are_refused_not_fetched(ref):
    document = json.loads(json.dumps(MINIMAL))
    document["paths"]["/items"]["get"]["responses"]["200"]["content"] = {
        "application/json": {"schema": {"$ref": ref}}
    }
    assert problem(json.dumps(document)) == (
        f"The document refers to {ref!r} outside itself: bundle it into one file first."
    )


def test_a_reference_to_nothing_says_which():
    document = json.loads(json.dumps(MINIMAL))
    document["paths"]["/items"]["get"]["responses"]["200"]["content"] = {
        "application/json": {"schema": {"$ref": "#/components/schemas/Missing"}}
    }
    assert problem(json.dumps(document)) == (
        "The reference #/components/schemas/Missing points to nothing in the document."
    )
