"""A drf-spectacular document imported, then exported: every schema as the source had it."""

import copy
import io
import re
from pathlib import Path

import yaml
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

from nexus_board.schemas.conversion import to_31

SOURCE = Path(__file__).with_name("samples") / "drf_spectacular_shop.yaml"
METHODS = ("get", "post", "put", "patch", "delete")
KEYWORDS = ("enum", "format", "pattern", "minimum", "maximum", "minLength", "maxLength",
            "readOnly", "writeOnly", "required", "items", "oneOf", "additionalProperties")  # fmt: skip


def imported(client) -> dict:
    """Import the sample into "Shop API" as ada, and export the project again."""
    data = {"project": "Shop API", "document": (io.BytesIO(SOURCE.read_bytes()), "schema.yml")}
    response = client.post("/projects/import", data=data, content_type="multipart/form-data")
    url = response.headers["Location"]
    page = client.get(url).get_data(as_text=True)
    assert 'Skipped <span class="count">0</span>' in page, page
    fingerprint = re.search(r'name="fingerprint" type="hidden" value="(\w+)"', page).group(1)
    assert client.post(url, data={"fingerprint": fingerprint}).status_code == 303
    return client.get("/projects/shop-api/openapi.json").json


def schemas_of(document: dict, three_oh: bool) -> dict:
    """Every operation's parameter, request and response schemas, by where they are."""
    found = {}
    convert = to_31 if three_oh else (lambda schema: schema)
    for path, item in document["paths"].items():
        key = re.sub(r"\{[^}]*\}", "{}", path).rstrip("/")
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            where = f"{method.upper()} {key}"
            for parameter in operation.get("parameters", []):
                found[f"{where} {parameter['in']} {parameter['name']}"] = convert(
                    parameter["schema"]
                )
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body:
                found[f"{where} request"] = convert(body["schema"])
            for code, response in operation["responses"].items():
                media = response.get("content", {}).get("application/json")
                if media:
                    found[f"{where} {code}"] = convert(media["schema"])
    return found


def resolved(schema, components: dict, depth: int = 0):
    """`schema` with every `$ref` replaced by what it names (the sample has no cycles)."""
    assert depth < 20
    if isinstance(schema, list):
        return [resolved(item, components, depth + 1) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        return resolved(components[name], components, depth + 1)
    return {key: resolved(value, components, depth + 1) for key, value in schema.items()}


def test_every_schema_survives_the_round_trip_with_its_names(client, auth, cast):
    auth.sign_in("ada")
    source = yaml.safe_load(SOURCE.read_text())
    exported = imported(client)
    validate(copy.deepcopy(exported), cls=OpenAPIV31SpecValidator)
    before, after = schemas_of(source, three_oh=True), schemas_of(exported, three_oh=False)
    assert sorted(after) == sorted(before)
    # The $ref names are kept: each schema is the same before resolving anything.
    assert after == before
    source_components = {k: to_31(v) for k, v in source["components"]["schemas"].items()}
    exported_components = exported["components"]["schemas"]
    used = {name for name in source_components if name != "Extended"}  # no operation uses it
    assert set(exported_components) == used
    for where, schema in before.items():
        assert resolved(after[where], exported_components) == resolved(schema, source_components), (
            where
        )
    order = exported_components["Order"]
    assert order["properties"]["status"] == {
        "anyOf": [{"oneOf": [{"$ref": "#/components/schemas/StatusEnum"},
                             {"$ref": "#/components/schemas/NullEnum"}]}, {"type": "null"}]
    }  # fmt: skip
    assert order["properties"]["note"]["type"] == ["string", "null"]
    assert order["properties"]["id"] == {"type": "integer", "readOnly": True}
    assert exported_components["Product"]["properties"]["price"]["format"] == "decimal"
    text = repr(exported_components)
    assert all(keyword in text for keyword in KEYWORDS)


def test_the_mock_checks_requests_with_the_imported_schemas(client, auth, cast):
    auth.sign_in("ada")
    imported(client)
    mock = "/mock/shop-api/api/orders/"
    token = {"Authorization": "Bearer any"}  # the orders endpoint requires authentication
    good = {"lines": [{"product_slug": "shoe", "quantity": 2}]}
    assert client.post(mock, json=good).status_code == 401
    assert client.post(mock, json=good, headers=token).status_code == 201
    wrong = client.post(
        mock, json={"lines": [{"product_slug": "shoe", "quantity": 500}]}, headers=token
    )
    assert wrong.status_code == 422
    assert wrong.json["validation"] == [
        {
            "location": ["body", "lines", "0", "quantity"],
            "severity": "Error",
            "code": "maximum",
            "message": "500 is greater than the maximum of 100",
        }
    ]
    assert client.post(mock, json={"lines": []}, headers=token).status_code == 422  # minItems
    page = client.get(mock + "?page=two", headers=token)
    assert page.status_code == 422 and page.json["validation"][0]["location"] == ["query", "page"]
    assert client.get(mock + "?page=2&status=paid", headers=token).status_code == 200
    assert client.get(mock + "?status=lost", headers=token).status_code == 422
    long_language = client.get("/mock/shop-api/api/products/shoe/",
                               headers={"Accept-Language": "x" * 30})  # fmt: skip
    assert long_language.status_code == 422
