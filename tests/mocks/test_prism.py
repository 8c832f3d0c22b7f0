"""The mock against Stoplight Prism on the same exported document: the same statuses, bodies
and validation locations, so a frontend written against one works against the other."""

import json

import httpx
import pytest

from ..services import prism
from .test_answers import AUTH, order, product  # noqa: F401

pytestmark = pytest.mark.services

# (method, path, headers, JSON body): the default, Prefer code and example, 404, 405, 422, 401.
REQUESTS = [
    ("GET", "/products/5", {}, None),
    ("GET", "/products/5", {"Prefer": "code=404"}, None),
    ("GET", "/products/5", {"Prefer": "example=sale"}, None),
    ("GET", "/nothing/here", {}, None),
    ("DELETE", "/products/5", {}, None),
    ("GET", "/products/5?page=zero", {}, None),
    ("POST", "/orders", AUTH, {"lines": [{"sku": "A1", "quantity": 0}]}),
    ("POST", "/orders", AUTH, {"lines": [{"sku": "A1"}]}),
    ("POST", "/orders", AUTH, {"lines": [{"sku": "A1", "quantity": 1}]}),
    ("POST", "/orders", {}, {"lines": [{"sku": "A1", "quantity": 1}]}),
]


@pytest.fixture
def prism_url(client, product, order, tmp_path):  # noqa: F811
    document = tmp_path / "shop.json"
    document.write_text(json.dumps(client.get("/projects/shop/openapi.json").json))
    with prism(document) as url:
        yield url


def _locations(body) -> list:
    return sorted(item["location"] for item in (body or {}).get("validation", []))


def test_the_mock_answers_as_prism_does(client, prism_url):
    for method, path, headers, body in REQUESTS:
        ours = client.open(f"/mock/shop{path}", method=method, headers=headers, json=body)
        theirs = httpx.request(method, prism_url + path, headers=headers, json=body, timeout=10)
        request = f"{method} {path} {headers} {body}"
        assert ours.status_code == theirs.status_code, request
        if 200 <= ours.status_code < 300:
            assert ours.json == theirs.json(), request
        if ours.status_code == 422:
            assert _locations(ours.json) == _locations(theirs.json()), request
