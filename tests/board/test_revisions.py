"""What changed between two versions, and which changes break a frontend."""

import json

import pytest

from nexus_board.board import revisions
from nexus_board.board.classification import classify_edit
from nexus_board.board.specs import ResponseDraft, clean

from .factories import PRODUCT, draft


def spec(**fields):
    return clean(draft(**fields))


def responses(*pairs):
    return [
        ResponseDraft(code, "", "" if body is None else json.dumps(body)) for code, body in pairs
    ]


BASE = responses((200, PRODUCT), (404, {"detail": "Not found"}))


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        ({"method": "DELETE"}, "endpoint.method-changed"),
        ({"path": "/api/v2/products/{id}"}, "endpoint.path-changed"),
        ({"auth_required": True}, "request.auth-required"),
        ({"responses": responses((200, PRODUCT))}, "response.error-status-removed"),
        (
            {"responses": responses((200, {k: v for k, v in PRODUCT.items() if k != "price"}),
                                    (404, {"detail": "Not found"}))},
            "response.required-property-removed",
        ),
        (
            {"responses": responses((200, {**PRODUCT, "maker": {}}), (404, {"detail": "x"}))},
            "response.required-property-removed",
        ),
        (
            {"responses": responses((200, {**PRODUCT, "price": 9.9}), (404, {"detail": "x"}))},
            "response.type-changed",
        ),
        (
            {"responses": responses((200, [PRODUCT]), (404, {"detail": "x"}))},
            "response.type-changed",
        ),
        (
            {"responses": responses((200, None), (404, {"detail": "x"}))},
            "response.body-removed",
        ),
    ],
)  # fmt: skip
def test_edits_of_examples_are_classified_through_their_inferred_schemas(change, rule):
    edit = classify_edit(spec(responses=BASE), spec(**{"responses": BASE, **change}))
    assert rule in [c.rule for c in edit.changes], edit.changes
    assert edit.severity in ("breaking", "possibly_breaking")


@pytest.mark.parametrize(
    "change",
    [
        {"path": "/api/v1/products/{product_id}"},  # a renamed parameter: same URL
        {"summary": "Fetch a product", "description": "More words", "tags": "x"},
        {"auth_required": False},
        {"responses": BASE + responses((500, {"detail": "oops"}))},  # a new status
        {"responses": responses((200, {**PRODUCT, "stock": 3}), (404, {"detail": "x"}))},
        {"responses": responses((200, {**PRODUCT, "tags": []}), (404, {"detail": "x"}))},
    ],
)
def test_compatible_changes_are_safe(change):
    edit = classify_edit(spec(responses=BASE), spec(**{"responses": BASE, **change}))
    assert edit.alarming == [] and not edit.breaking


def test_a_nested_key_in_a_list_item_is_tracked():
    old = spec(responses=responses((200, {"results": [{"id": 1, "price": "1"}]})))
    new = spec(responses=responses((200, {"results": [{"id": 1}]})))
    (change,) = classify_edit(old, new).alarming
    assert change.location == "response.200.results[].price"
    assert change.sentence == (
        "The field results[].price of response 200 was removed: clients reading it break."
    )


def test_removing_a_parent_key_is_reported_once():
    old = spec(responses=responses((200, {"maker": {"id": 1, "name": "x"}})))
    new = spec(responses=responses((200, {})))
    assert [c.location for c in classify_edit(old, new).alarming] == ["response.200.maker"]


def test_changes_list_each_field_from_and_to():
    old = spec(responses=BASE)
    new = spec(summary="Fetch one product", tags="products, shop",
               responses=responses((200, PRODUCT), (410, {"detail": "gone"})))  # fmt: skip
    found = {c["field"]: (c["label"], c["old"], c["new"]) for c in revisions.changes(old, new)}
    assert found["summary"] == ("Summary", "Get one product", "Fetch one product")
    assert found["tags"] == ("Tags", "products", "products, shop")
    assert found["response-404"][1].startswith("Not Found") and found["response-404"][2] is None
    assert found["response-410"][1] is None and found["response-410"][2].startswith("Gone")
    assert "response-200" not in found and "path" not in found
    assert revisions.touches_mocks(revisions.changes(old, new))
    assert not revisions.touches_mocks(revisions.changes(old, spec(summary="x", responses=BASE)))


def test_diff_lines_mark_added_and_removed_lines():
    lines = revisions.diff_lines('{\n  "a": 1,\n  "b": 2\n}', '{\n  "a": 1,\n  "c": 2\n}')
    assert ("-", '  "b": 2') in lines and ("+", '  "c": 2') in lines
    assert (" ", '  "a": 1,') in lines
