"""Named examples and dispatch rules survive an export and an import into another project."""

import copy
import io
import json
import re

from openapi_spec_validator import OpenAPIV31SpecValidator, validate

from nexus_board.board.specs import ResponseDraft

RULE = {"in": "path", "name": "id", "equals": "0", "status": 404, "example": "missing"}


def test_export_then_import_keeps_named_examples_and_rules(client, auth, contract):
    contract(
        project="Shop",
        dispatch=json.dumps([RULE]),
        responses=[
            ResponseDraft(200, "", '{"id": 1}', "", json.dumps({"sale": {"id": 2}})),
            ResponseDraft(
                404, "", '{"detail": "No."}', "", json.dumps({"missing": {"detail": "Never."}})
            ),
        ],  # fmt: skip
    )
    exported = client.get("/projects/shop/openapi.json").json
    validate(copy.deepcopy(exported), cls=OpenAPIV31SpecValidator)
    operation = exported["paths"]["/api/v1/products/{id}"]["get"]
    assert operation["x-nexus-dispatch"] == [RULE]
    media = operation["responses"]["200"]["content"]["application/json"]
    assert media["examples"] == {"default": {"value": {"id": 1}}, "sale": {"value": {"id": 2}}}

    auth.sign_in("ada")
    exported["info"]["title"] = "Shop copy"
    upload = io.BytesIO(json.dumps(exported).encode())
    data = {"project": "Shop copy", "document": (upload, "openapi.json")}
    response = client.post("/projects/import", data=data, content_type="multipart/form-data")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    fingerprint = re.search(r'name="fingerprint" type="hidden" value="(\w+)"', page).group(1)
    assert client.post(response.headers["Location"],
                       data={"fingerprint": fingerprint}).status_code == 303  # fmt: skip

    mock = "/mock/shop-copy/api/v1/products"
    assert client.get(f"{mock}/0").json == {"detail": "Never."}
    assert client.get(f"{mock}/5", headers={"Prefer": "example=sale"}).json == {"id": 2}
    again = client.get("/projects/shop-copy/openapi.json").json
    assert again["paths"]["/api/v1/products/{id}"]["get"]["x-nexus-dispatch"] == [RULE]
