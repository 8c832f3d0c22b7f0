"""Checking what a contract says: path templates, JSON examples, every field of a draft."""

import json

import pytest

from nexus_board.board import examples, paths
from nexus_board.board.specs import ResponseDraft, clean
from nexus_board.errors import Invalid

from .factories import draft


@pytest.mark.parametrize(
    ("template", "params", "key"),
    [
        ("/", (), "/"),
        ("/api/v1/products", (), "/api/v1/products"),
        ("/api/v1/products/{id}", ("id",), "/api/v1/products/{}"),
        ("/users/{user_id}/posts/{post_id}/", ("user_id", "post_id"), "/users/{}/posts/{}/"),
        ("/files/{name}.{ext}", ("name", "ext"), "/files/{}.{}"),
        ("  /trimmed  ", (), "/trimmed"),
    ],
)
def test_path_templates_parse(template, params, key):
    parsed = paths.parse(template)
    assert (parsed.params, parsed.key) == (params, key)


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("", "Start the path with /"),
        ("api/v1/products", "Start the path with /"),
        ("/products?page=2", "Leave the query string out"),
        ("/products/{id", "Close every {"),
        ("/products/id}", "Close every {"),
        ("/products/{}", "Name parameters"),
        ("/products/{1id}", "Name parameters"),
        ("/products/{a-b}", "Name parameters"),
        ("/a/{id}/b/{id}", "different name"),
        ("/has space", "' ' cannot appear"),
        ("/a//b", "empty segment"),
        ("/" + "a" * 300, "at most 300"),
    ],
)
def test_bad_path_templates_say_what_to_fix(template, message):
    with pytest.raises(Invalid) as raised:
        paths.parse(template)
    assert message in raised.value.errors["path"]


def test_a_template_matches_concrete_paths():
    template = paths.parse("/users/{user_id}/posts/{post_id}")
    assert template.match("/users/7/posts/abc") == {"user_id": "7", "post_id": "abc"}
    assert template.match("/users/7/posts") is None
    assert template.match("/users/7/posts/1/2") is None


def test_examples_are_stored_pretty_printed():
    assert examples.normalize('{"b":1,"a":[true,null]}') == (
        '{\n  "b": 1,\n  "a": [\n    true,\n    null\n  ]\n}'
    )
    assert examples.normalize("   ") is None
    assert examples.normalize('"é"') == '"é"'


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{"name": "shoe",}', "line 1, column 17"),
        ('{\n  "a": 1\n  "b": 2\n}', "line 3, column 3"),
        ("{'single': 1}", "line 1, column 2"),
    ],
)
def test_bad_json_names_line_and_column(text, where):
    with pytest.raises(examples.ExampleError) as raised:
        examples.normalize(text)
    assert where in str(raised.value)


def test_a_valid_draft_becomes_a_clean_spec():
    spec = clean(
        draft(
            project="  E-commerce   API ",
            method="post",
            request_example='{"name": "x"}',
            tags="Products, catalog , products,, New Arrivals",
            responses=[ResponseDraft("201", "", '{"id": 1}'), ResponseDraft("", "", "")],
        )
    )
    assert (spec.project, spec.project_slug, spec.method) == (
        "E-commerce API",
        "e-commerce-api",
        "POST",
    )
    assert spec.tags == ("products", "catalog", "new-arrivals")
    assert [(r.status_code, r.description) for r in spec.responses] == [(201, "Created")]
    assert json.loads(spec.request_example) == {"name": "x"}


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"project": "x"}, "project", "2–80 characters"),
        ({"method": "TRACE"}, "method", "Choose GET"),
        ({"path": "products"}, "path", "Start the path with /"),
        ({"summary": "   "}, "summary", "up to 200 characters"),
        ({"description": "x" * 10_001}, "description", "under 10,000"),
        ({"method": "POST"}, "request_example", "A POST request needs a JSON body example."),
        ({"method": "PATCH", "request_example": "{"}, "request_example", "line 1, column 2"),
        ({"tags": ",".join(f"t{i}" for i in range(9))}, "tags", "at most 8"),
        (
            {"tags": "rest, " + "pagination-" * 3},
            "tags",
            "“pagination-pagination-pagination” has 32",
        ),
        ({"responses": []}, "responses", "at least one response"),
        ({"responses": [ResponseDraft("", "", "")]}, "responses", "at least one response"),
        ({"responses": [ResponseDraft("99", "", "")]}, "responses-0-status_code", "100 to 599"),
        ({"responses": [ResponseDraft("600", "", "")]}, "responses-0-status_code", "100 to 599"),
        ({"responses": [ResponseDraft("ok", "x", "")]}, "responses-0-status_code", "100 to 599"),
        (
            {"responses": [ResponseDraft(200, "", "{}"), ResponseDraft(200, "", "{}")]},
            "responses-1-status_code",
            "already listed",
        ),
        ({"responses": [ResponseDraft(200, "", "[1,")]}, "responses-0-example", "line 1"),
        ({"responses": [ResponseDraft(200, "d" * 201, "")]}, "responses-0-description", "200"),
    ],
)
def test_each_bad_field_gets_its_own_message(fields, field, message):
    with pytest.raises(Invalid) as raised:
        clean(draft(**fields))
    assert message in raised.value.errors[field]


def test_all_errors_are_reported_at_once():
    with pytest.raises(Invalid) as raised:
        clean(draft(project="", path="nope", summary="", method="PUT"))
    assert {"project", "path", "summary", "request_example"} <= set(raised.value.errors)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"price": NaN}', "NaN is not JSON"),
        ('{"price": Infinity}', "Infinity is not JSON"),
        ("1" * 5000, "Not valid JSON"),
    ],
)
def test_examples_javascript_could_not_read_are_refused(text, message):
    with pytest.raises(examples.ExampleError, match=message):
        examples.normalize(text)


@pytest.mark.parametrize("name", ["ß" * 80, "\ufdfa" * 80, "Ünïcödé " * 10])
def test_project_slugs_fit_their_column_whatever_the_script(name):
    spec = clean(draft(project=name[:80]))
    assert 1 <= len(spec.project_slug) <= 80


@pytest.mark.parametrize("template", ["/{a}{b}", "/items/{a}{b}.json", "/x/{id}{format}/y"])
def test_adjacent_parameters_are_refused_next_to_the_path(template):
    with pytest.raises(Invalid) as refused:
        paths.parse(template)
    assert "cannot be told apart" in refused.value.errors["path"]


@pytest.mark.parametrize(
    ("template", "path", "expected"),
    [
        ("/files/{name}.{ext}", "/files/a.b.c", {"name": "a", "ext": "b.c"}),
        ("/files/{name}.{ext}", "/files/.c", None),
        ("/v{version}/items", "/v2/items", {"version": "2"}),
        ("/v{version}/items", "/v/items", None),
        ("/{a}-{b}-{c}x", "/" + "-" * 36, None),  # backtracked for 30 s as one regex
    ],
)
def test_a_segment_matches_without_backtracking(template, path, expected):
    assert paths.parse(template).match(path) == expected


def test_a_template_saved_before_the_rule_still_splits_and_matches():
    template = paths.stored("/{a}{b}")
    assert template.params == ("a", "b") and template.match("/xy") == {"a": "x", "b": "y"}
