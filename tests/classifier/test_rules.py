"""The change classifier, table-tested: pairs of versions, and the rule each pair must fire.

Each row is (rule, old, new): the change from `old` to `new` fires `rule` (and the reverse
direction is a row of its own where the direction matters). Every rule the classifier knows has
a row here and a section in docs/breaking-changes.md.
"""

from datetime import date
from pathlib import Path

import pytest

from nexus_board.classifier import RULES, Operation, Parameter, Severity, classify

TODAY = date(2026, 6, 1)
DOCS = Path(__file__).parents[2] / "docs" / "breaking-changes.md"


def op(**fields) -> Operation:
    values = {"method": "GET", "path": "/api/orders/{id}", "responses": {200: {}}}
    return Operation(**(values | fields))  # type: ignore[arg-type]


def obj(properties: dict, required=(), **extra) -> dict:
    return {"type": "object", "properties": properties, "required": list(required), **extra}


def body(schema, **fields) -> Operation:
    """A POST taking `schema` as its body."""
    values = {"method": "POST", "path": "/api/orders", "body": schema, "body_required": True}
    return op(**(values | fields))


def reply(schema, code: int = 200, **fields) -> Operation:
    """A GET answering `schema` with `code`."""
    return op(responses={code: schema}, **fields)


def field_in(schema: dict, name: str = "quantity") -> dict:
    return obj({name: schema})


LINES = obj({"lines": {"type": "array", "items": obj({"quantity": {"type": "integer"}})}})
LINES_REQUIRED = obj(
    {"lines": {"type": "array", "items": obj({"quantity": {"type": "integer"}}, ["quantity"])}}
)
PRODUCT = {"Product": obj({"id": {"type": "integer"}, "name": {"type": "string"}}, ["id"])}
STATUS = {"enum": ["pending", "paid", "shipped"]}
query = Parameter

CASES = [
    # The endpoint
    ("endpoint.method-changed", op(), op(method="DELETE")),
    ("endpoint.method-changed", op(method="PUT"), op(method="PATCH")),
    ("endpoint.path-changed", op(), op(path="/api/v2/orders/{id}")),
    ("endpoint.path-changed", op(path="/a/{id}/b"), op(path="/a/b/{id}")),
    ("endpoint.parameter-renamed", op(), op(path="/api/orders/{order_id}")),
    ("endpoint.deprecated", op(), op(deprecated=True)),
    ("endpoint.sunset-set", op(deprecated=True), op(deprecated=True, sunset=date(2027, 1, 1))),
    ("endpoint.sunset-passed", op(deprecated=True), op(deprecated=True, sunset=date(2026, 5, 1))),
    ("endpoint.sunset-passed", op(deprecated=True, sunset=date(2027, 1, 1)),
     op(deprecated=True, sunset=TODAY)),
    # Authentication
    ("request.auth-required", op(), op(auth_required=True)),
    ("request.auth-removed", op(auth_required=True), op()),
    # The request body
    ("request.body-required", op(method="DELETE"), op(method="DELETE", body={}, body_required=True)),
    ("request.body-required", body({}, body_required=False), body({})),
    ("request.body-added", op(method="DELETE"), op(method="DELETE", body={})),
    ("request.body-removed", body({}), op(method="POST", path="/api/orders")),
    # Request properties
    ("request.property-required-added", body(obj({})), body(field_in({"type": "integer"}) | {"required": ["quantity"]})),
    ("request.property-required-added", body(LINES), body(obj({"lines": LINES["properties"]["lines"], "note": {"type": "string"}}, ["note"]))),
    ("request.property-added", body(obj({})), body(field_in({"type": "integer"}))),
    ("request.property-added", body(obj({})), body(obj({"note": {"type": "string", "default": ""}}, ["note"]))),
    ("request.property-became-required", body(LINES), body(LINES_REQUIRED)),
    ("request.property-became-optional", body(LINES_REQUIRED), body(LINES)),
    ("request.property-removed", body(field_in({"type": "integer"})), body(obj({}))),
    # Request types
    ("request.type-changed", body(field_in({"type": "integer"})), body(field_in({"type": "string"}))),
    ("request.type-changed", body({"type": "object"}), body({"type": "array"})),
    ("request.type-narrowed", body(field_in({"type": ["string", "null"]})), body(field_in({"type": "string"}))),
    ("request.type-narrowed", body(field_in({"type": "number"})), body(field_in({"type": "integer"}))),
    ("request.type-narrowed", body(field_in({})), body(field_in({"type": "string"}))),
    ("request.type-widened", body(field_in({"type": "integer"})), body(field_in({"type": "number"}))),
    ("request.type-widened", body(field_in({"type": "string"})), body(field_in({"type": ["string", "null"]}))),
    # Request enums
    ("request.enum-value-removed", body(field_in(STATUS, "status")), body(field_in({"enum": ["pending", "paid"]}, "status"))),
    ("request.enum-added", body(field_in({"type": "string"}, "status")), body(field_in({"type": "string", **STATUS}, "status"))),
    ("request.enum-value-added", body(field_in({"enum": ["pending"]}, "status")), body(field_in(STATUS, "status"))),
    # Request constraints
    ("request.max-length-lowered", body(field_in({"type": "string", "maxLength": 100}, "name")), body(field_in({"type": "string", "maxLength": 50}, "name"))),
    ("request.max-length-lowered", body(field_in({"type": "string"}, "name")), body(field_in({"type": "string", "maxLength": 50}, "name"))),
    ("request.min-length-raised", body(field_in({"type": "string"}, "name")), body(field_in({"type": "string", "minLength": 3}, "name"))),
    ("request.maximum-lowered", body(field_in({"type": "integer", "maximum": 100})), body(field_in({"type": "integer", "maximum": 10}))),
    ("request.maximum-lowered", body(field_in({"type": "integer"})), body(field_in({"type": "integer", "exclusiveMaximum": 10}))),
    ("request.minimum-raised", body(field_in({"type": "integer", "minimum": 0})), body(field_in({"type": "integer", "minimum": 1}))),
    ("request.minimum-raised", body(field_in({"type": "integer"})), body(field_in({"type": "integer", "exclusiveMinimum": 0}))),
    ("request.max-items-lowered", body(obj({"lines": {"type": "array"}})), body(obj({"lines": {"type": "array", "maxItems": 20}}))),
    ("request.min-items-raised", body(obj({"lines": {"type": "array"}})), body(obj({"lines": {"type": "array", "minItems": 1}}))),
    ("request.pattern-added", body(field_in({"type": "string"}, "sku")), body(field_in({"type": "string", "pattern": "^[A-Z]{3}-\\d+$"}, "sku"))),
    ("request.pattern-changed", body(field_in({"type": "string", "pattern": "^a"}, "sku")), body(field_in({"type": "string", "pattern": "^b"}, "sku"))),
    ("request.format-added", body(field_in({"type": "string"}, "email")), body(field_in({"type": "string", "format": "email"}, "email"))),
    ("request.format-changed", body(field_in({"type": "string", "format": "date"}, "on")), body(field_in({"type": "string", "format": "date-time"}, "on"))),
    ("request.additional-properties-closed", body(obj({})), body(obj({}, additionalProperties=False))),
    ("request.constraint-loosened", body(field_in({"type": "string", "maxLength": 50}, "name")), body(field_in({"type": "string", "maxLength": 100}, "name"))),
    ("request.constraint-loosened", body(field_in({"type": "string", "pattern": "^a"}, "sku")), body(field_in({"type": "string"}, "sku"))),
    # Request alternatives
    ("request.option-removed", body({"oneOf": [{"$ref": "#/components/schemas/Card"}, {"$ref": "#/components/schemas/Cash"}]}, components={"Card": {}, "Cash": {}}),
     body({"oneOf": [{"$ref": "#/components/schemas/Card"}]}, components={"Card": {}})),
    ("request.option-added", body({"oneOf": [{"$ref": "#/components/schemas/Card"}]}, components={"Card": {}}),
     body({"oneOf": [{"$ref": "#/components/schemas/Card"}, {"$ref": "#/components/schemas/Cash"}]}, components={"Card": {}, "Cash": {}})),
    # Parameters
    ("request.parameter-required-added", op(), op(parameters=(query("page", "query", True, {"type": "integer"}),))),
    ("request.parameter-required-added", op(), op(parameters=(query("X-Tenant", "header", True),))),
    ("request.parameter-added", op(), op(parameters=(query("page", "query"),))),
    ("request.parameter-became-required", op(parameters=(query("page", "query"),)), op(parameters=(query("page", "query", True),))),
    ("request.parameter-became-optional", op(parameters=(query("page", "query", True),)), op(parameters=(query("page", "query"),))),
    ("request.parameter-removed", op(parameters=(query("page", "query"),)), op()),
    ("request.type-changed", op(parameters=(query("id", "path", True, {"type": "integer"}),)), op(parameters=(query("id", "path", True, {"type": "boolean"}),))),
    ("request.maximum-lowered", op(parameters=(query("limit", "query", False, {"type": "integer", "maximum": 100}),)),
     op(parameters=(query("limit", "query", False, {"type": "integer", "maximum": 50}),))),
    # Responses: statuses
    ("response.success-status-changed", op(responses={200: {}}), op(responses={201: {}})),
    ("response.success-status-removed", op(responses={200: {}, 404: {}}), op(responses={404: {}})),
    ("response.success-status-removed", op(responses={200: {}, 202: {}}), op(responses={200: {}})),
    ("response.error-status-removed", op(responses={200: {}, 404: {}}), op(responses={200: {}})),
    ("response.status-added", op(responses={200: {}}), op(responses={200: {}, 404: {}})),
    ("response.status-added", op(responses={200: {}}), op(responses={200: {}, 202: {}})),
    ("response.body-removed", op(responses={200: {}}), op(responses={200: None})),
    ("response.body-added", op(responses={204: None}), op(responses={204: {}})),
    # Response properties
    ("response.required-property-removed", reply(obj({"status": STATUS}, ["status"])), reply(obj({}))),
    ("response.optional-property-removed", reply(obj({"status": STATUS})), reply(obj({}))),
    ("response.property-added", reply(obj({})), reply(obj({"total": {"type": "string"}}))),
    ("response.property-became-optional", reply(obj({"status": STATUS}, ["status"])), reply(obj({"status": STATUS}))),
    # Response types
    ("response.type-changed", reply(field_in({"type": "integer"}, "id")), reply(field_in({"type": "string"}, "id"))),
    ("response.type-changed", reply(field_in({"type": "integer"}, "id")), reply(field_in({"type": "number"}, "id"))),
    ("response.type-changed", reply({"type": "object"}), reply({"type": "array"})),
    ("response.type-narrowed", reply(field_in({"type": "number"}, "price")), reply(field_in({"type": "integer"}, "price"))),
    ("response.nullable-added", reply(field_in({"type": "string"}, "note")), reply(field_in({"type": ["string", "null"]}, "note"))),
    ("response.nullable-added", reply(field_in({"type": "string"}, "note")), reply(field_in({"anyOf": [{"type": "string"}, {"type": "null"}]}, "note"))),
    ("response.type-narrowed", reply(field_in({"type": ["string", "null"]}, "note")), reply(field_in({"type": "string"}, "note"))),
    # Response enums and constraints
    ("response.enum-value-added", reply(field_in({"enum": ["pending", "paid"]}, "status")), reply(field_in(STATUS, "status"))),
    ("response.enum-value-removed", reply(field_in(STATUS, "status")), reply(field_in({"enum": ["pending", "paid"]}, "status"))),
    ("response.enum-removed", reply(field_in({"type": "string", **STATUS}, "status")), reply(field_in({"type": "string"}, "status"))),
    ("response.constraint-loosened", reply(field_in({"type": "string", "maxLength": 50}, "name")), reply(field_in({"type": "string", "maxLength": 500}, "name"))),
    ("response.option-added", reply({"oneOf": [{"$ref": "#/components/schemas/Card"}]}, components={"Card": {}}),
     reply({"oneOf": [{"$ref": "#/components/schemas/Card"}, {"$ref": "#/components/schemas/Cash"}]}, components={"Card": {}, "Cash": {}})),
    ("response.option-removed", reply({"oneOf": [{"$ref": "#/components/schemas/Card"}, {"$ref": "#/components/schemas/Cash"}]}, components={"Card": {}, "Cash": {}}),
     reply({"oneOf": [{"$ref": "#/components/schemas/Card"}]}, components={"Card": {}})),
    # Through named schemas: the change is inside Product, found through $ref
    ("response.required-property-removed", reply({"$ref": "#/components/schemas/Product"}, components=PRODUCT),
     reply({"$ref": "#/components/schemas/Product"}, components={"Product": obj({"name": {"type": "string"}})})),
    ("request.property-required-added", body({"$ref": "#/components/schemas/Product"}, components={"Product": obj({})}),
     body({"$ref": "#/components/schemas/Product"}, components=PRODUCT)),
    ("response.type-changed", reply({"allOf": [{"$ref": "#/components/schemas/Product"}]}, components=PRODUCT),
     reply({"allOf": [{"$ref": "#/components/schemas/Product"}]}, components={"Product": obj({"id": {"type": "string"}}, ["id"])})),
    # Nested arrays
    ("request.type-changed", body(LINES), body(obj({"lines": {"type": "array", "items": obj({"quantity": {"type": "string"}})}}))),
    ("response.required-property-removed", reply(obj({"results": {"type": "array", "items": obj({"id": {"type": "integer"}}, ["id"])}})),
     reply(obj({"results": {"type": "array", "items": obj({})}}))),
    # Words and examples
    ("docs.summary", op(docs={"summary": "Get an order"}), op(docs={"summary": "Fetch an order"})),
    ("docs.description", op(docs={"description": ""}), op(docs={"description": "Staff see all orders."})),
    ("docs.tags", op(docs={"tags": ("orders",)}), op(docs={"tags": ("orders", "shop")})),
    ("docs.example", op(docs={"200": '{"id": 1}'}), op(docs={"200": '{"id": 2}'})),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "old", "new"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_each_pair_fires_its_rule(rule, old, new):
    found = classify(old, new, TODAY)
    assert rule in [change.rule for change in found], [c.rule for c in found]
    change = next(change for change in found if change.rule == rule)
    assert change.severity is RULES[rule][0]
    assert change.sentence[0].isupper() and change.sentence.endswith(".")


def test_there_are_at_least_sixty_pairs_and_every_rule_has_one():
    assert len(CASES) >= 60
    graphql = {rule for rule in RULES if rule.startswith("graphql.")}  # tests/gql fires them
    assert {rule for rule, *_ in CASES} >= set(RULES) - graphql - {
        "endpoint.deleted", "endpoint.added", "schema.too-large"}  # fmt: skip


def test_every_rule_is_documented_with_an_example():
    text = DOCS.read_text()
    for rule in RULES:
        section = text.split(f"`{rule}`", 1)
        assert len(section) == 2, f"{rule} is not in docs/breaking-changes.md"
        assert "Example" in section[1].split("\n### ", 1)[0], f"{rule} has no example"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (op(), op()),
        (body(LINES), body(LINES)),
        (reply({"$ref": "#/components/schemas/Product"}, components=PRODUCT),
         reply(PRODUCT["Product"])),  # the same schema, named or written out
        (op(path="/api/orders/{id}"), op(path="/api/orders/{id}")),
    ],
)  # fmt: skip
def test_the_same_contract_has_no_changes(old, new):
    assert classify(old, new, TODAY) == []


def test_the_direction_decides_the_severity():
    """Narrowing a request or widening a response breaks clients; the reverse does not."""
    wide, narrow = {"type": ["string", "null"]}, {"type": "string"}
    assert _severities(body(field_in(wide)), body(field_in(narrow))) == {Severity.BREAKING}
    assert _severities(body(field_in(narrow)), body(field_in(wide))) == {Severity.SAFE}
    assert _severities(reply(field_in(narrow)), reply(field_in(wide))) == {
        Severity.POSSIBLY_BREAKING
    }
    assert _severities(reply(field_in(wide)), reply(field_in(narrow))) == {Severity.SAFE}


def test_a_location_names_the_field_and_the_sentence_says_it():
    (change,) = classify(body(LINES), body(LINES_REQUIRED), TODAY)
    assert change.location == "request.body.lines[].quantity"
    assert change.sentence == (
        "The request field lines[].quantity is now required: requests without it are refused."
    )
    (change,) = classify(op(), op(parameters=(query("page", "query", True),)), TODAY)
    assert change.location == "parameter.query.page"
    assert change.sentence.startswith("The new query parameter page is required")


def test_changes_come_most_severe_first():
    old = reply(obj({"a": {"type": "string"}, "b": {"type": "string"}}, ["a"]))
    new = reply(obj({"b": {"type": "string"}, "c": {"type": "string"}}), auth_required=True)
    found = classify(old, new, TODAY)
    ranks = [change.severity.rank for change in found]
    assert ranks == sorted(ranks) and found[0].severity is Severity.BREAKING


def test_a_recursive_schema_is_compared_once_and_a_huge_one_within_its_budget():
    tree = {
        "Node": obj({"children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}})
    }
    same = reply({"$ref": "#/components/schemas/Node"}, components=tree)
    assert classify(same, same, TODAY) == []
    wide = obj(
        {f"p{i}": obj({f"q{j}": {"type": "integer"} for j in range(100)}) for i in range(100)}
    )
    found = classify(reply(wide), reply(obj({})), TODAY)
    assert found[-1].rule != "schema.too-large" or len(found) < 200
    deep = {
        f"S{i}": obj({f"p{k}": {"$ref": f"#/components/schemas/S{i + 1}"} for k in range(8)})
        for i in range(8)
    }
    deep["S8"] = {"type": "integer"}
    changed = dict(deep, S8={"type": "string"})
    found = classify(reply({"$ref": "#/components/schemas/S0"}, components=deep),
                     reply({"$ref": "#/components/schemas/S0"}, components=changed), TODAY)  # fmt: skip
    assert "schema.too-large" in [change.rule for change in found]


def _severities(old, new) -> set:
    return {change.severity for change in classify(old, new, TODAY)}
