"""Our pages for contracts as code are CSP-ready and link each other where people look."""

import io
import re
from pathlib import Path

import pytest

from ..contracts_as_code import order_contract

SAMPLE = Path(__file__).with_name("samples") / "drf_spectacular.yaml"


def csp_ready(response) -> None:
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"].count("style-src 'self';") == 1
    assert not re.search(r"<script(?![^>]*\ssrc=)", page), "inline <script>"
    assert " style=" not in page and "<style" not in page
    assert "hx-on" not in page and "js:" not in page


@pytest.fixture
def ada(client, auth, app, cast):
    order_contract(app, cast["ada"])
    auth.sign_in("ada")
    return client


@pytest.mark.parametrize(
    "path", ["/projects/e-commerce-api/api", "/docs/api", "/projects/import", "/settings"]
)
def test_pages_are_csp_ready(ada, path):
    csp_ready(ada.get(path))


def test_the_preview_is_csp_ready(ada):
    upload = ada.post(
        "/projects/import",
        data={"project": "Shop", "document": (io.BytesIO(SAMPLE.read_bytes()), "schema.yml")},
        content_type="multipart/form-data",
    )
    csp_ready(ada.get(upload.headers["Location"]))


def test_the_board_and_contract_pages_lead_to_the_api_page_and_the_mock(ada):
    board = ada.get("/board?project=e-commerce-api").get_data(as_text=True)
    assert 'href="/projects/e-commerce-api/api"' in board
    assert 'href="/projects/import"' in board  # backend learners may import
    page = ada.get("/contracts/1").get_data(as_text=True)
    assert "Try it now: <code>POST /mock/e-commerce-api/api/v1/orders</code>" in page


def test_visitors_and_frontend_learners_see_no_import_button(client, auth, app, cast):
    order_contract(app, cast["ada"])
    assert 'href="/projects/import' not in client.get("/board").get_data(as_text=True)
    auth.sign_in("gabriel")
    assert 'href="/projects/import' not in client.get("/board").get_data(as_text=True)
    assert "Import an OpenAPI" not in client.get("/projects/e-commerce-api/api").get_data(
        as_text=True
    )


@pytest.mark.parametrize(
    ("project", "slug", "text"),
    [
        ("E-commerce API", "e-commerce-api", "E-commerce API page"),
        ("Shop", "shop", "Shop API page"),
        ("Payments api", "payments-api", "Payments api page"),
    ],
)
def test_the_contract_page_names_its_api_page_once(client, app, cast, project, slug, text):
    contract_id = order_contract(app, cast["ada"], project=project)
    page = client.get(f"/contracts/{contract_id}").get_data(as_text=True)
    assert f'<a href="/projects/{slug}/api">{text}</a>' in page
    assert "API API" not in page and "api API" not in page
