"""What changed between two versions, and which changes break a frontend."""

import json

import pytest

from nexus_board.board import revisions
from nexus_board.board.breaking import breaking_reasons
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
    ("change", "reason"),
    [
        ({"method": "DELETE"}, "The method changed from GET to DELETE."),
        ({"path": "/api/v2/products/{id}"}, "The path changed from /api/v1/products/{id} to"),
        ({"auth_required": True}, "Authentication is now required."),
        ({"responses": responses((200, PRODUCT))}, "Response 404 was removed."),
        (
            {"responses": responses((200, {k: v for k, v in PRODUCT.items() if k != "price"}),
                                    (404, {"detail": "Not found"}))},
            "Response 200 no longer has the key price.",
        ),
        (
            {"responses": responses((200, {**PRODUCT, "maker": {}}), (404, {"detail": "x"}))},
            "Response 200 no longer has the key maker.id.",
        ),
        (
            {"responses": responses((200, {**PRODUCT, "price": 9.9}), (404, {"detail": "x"}))},
            "In response 200, price changed from string to number.",
        ),
        (
            {"responses": responses((200, [PRODUCT]), (404, {"detail": "x"}))},
            "Response 200 changed from an object to an array.",
        ),
        (
            {"responses": responses((200, None), (404, {"detail": "x"}))},
            "Response 200 no longer shows its example body.",
        ),
    ],
)  # fmt: skip
def test_breaking_changes_are_named(change, reason):
    reasons = breaking_reasons(spec(responses=BASE), spec(**{"responses": BASE, **change}))
    assert any(r.startswith(reason) for r in reasons), reasons


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
def test_compatible_changes_are_not_breaking(change):
    assert breaking_reasons(spec(responses=BASE), spec(**{"responses": BASE, **change})) == []


def test_a_nested_key_in_a_list_item_is_tracked():
    old = spec(responses=responses((200, {"results": [{"id": 1, "price": "1"}]})))
    new = spec(responses=responses((200, {"results": [{"id": 1}]})))
    assert breaking_reasons(old, new) == ["Response 200 no longer has the key results[].price."]


def test_removing_a_parent_key_is_reported_once():
    old = spec(responses=responses((200, {"maker": {"id": 1, "name": "x"}})))
    new = spec(responses=responses((200, {})))
    assert breaking_reasons(old, new) == ["Response 200 no longer has the key maker."]


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
