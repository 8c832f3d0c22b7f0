"""Schemas inferred from examples, and examples built from a document's schemas."""

from nexus_board.openapi.sample import Sampler
from nexus_board.schemas.inference import infer
from nexus_board.schemas.validation import errors


def test_an_example_stands_for_its_types_with_every_key_required():
    schema = infer({"id": 1, "price": "9.90", "rating": 4.5, "tags": ["a"], "maker": {"id": 2}})
    assert schema == {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "price": {"type": "string"},
            "rating": {"type": "number"},
            "tags": {"type": "array", "items": {"type": "string"}},
            "maker": {
                "type": "object",
                "properties": {"id": {"type": "integer"}},
                "required": ["id"],
            },
        },
        "required": ["id", "maker", "price", "rating", "tags"],
    }


def test_a_null_in_an_example_allows_any_value():
    schema = infer({"next": None})
    assert errors(schema, {"next": "https://example.com/?page=2"}) == []
    assert errors(schema, {}) == [{"path": "$", "message": "'next' is a required property",
                                   "location": [], "keyword": "required"}]  # fmt: skip


def test_errors_name_the_json_path_and_extra_keys_are_fine():
    schema = infer({"items": [{"product_id": 1}]})
    assert errors(schema, {"items": [{"product_id": 1}, {"product_id": "x"}], "extra": True}) == [
        {"path": "$.items[1].product_id", "message": "'x' is not of type 'integer'",
         "location": ["items", 1, "product_id"], "keyword": "type"}
    ]  # fmt: skip
    assert errors(schema, [])[0]["message"] == "[] is not of type 'object'"


def test_examples_from_schemas_follow_refs_and_leave_out_the_other_side_s_fields():
    document = {
        "components": {
            "schemas": {
                "User": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "integer", "readOnly": True},
                        "email": {"type": "string", "format": "email"},
                        "password": {"type": "string", "writeOnly": True},
                        "role": {"enum": [None, "admin", "member"]},
                        "age": {"type": "integer", "minimum": 13},
                        "friends": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/User"},
                        },
                        "nickname": {"type": ["string", "null"], "example": "ada"},
                    },
                }
            }
        }
    }
    user = {"$ref": "#/components/schemas/User"}
    response = Sampler(document, response=True).example(user)
    assert set(response) == {"id", "email", "role", "age", "friends", "nickname"}
    assert response["email"] == "learner@example.com"
    assert response["role"] == "admin" and response["age"] == 13 and response["nickname"] == "ada"
    assert isinstance(response["friends"], list)  # recursion stops at the depth limit
    request = Sampler(document, response=False).example(user)
    assert "id" not in request and request["password"] == "string"
