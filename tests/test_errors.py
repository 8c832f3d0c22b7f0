"""Error pages: full pages, htmx fragments that show, JSON for API clients."""

import pytest
from flask import abort

from nexus_board.errors import Conflict, Forbidden


@pytest.fixture
def failing_app(app):
    """Routes that fail in each way a view can."""

    @app.get("/test/abort/<int:code>")
    def aborting(code):
        abort(code)

    @app.get("/test/forbidden")
    def forbidden():
        raise Forbidden("Only the author can edit this contract.")

    @app.get("/test/conflict")
    def conflict():
        raise Conflict("Ada claimed it first.")

    @app.get("/test/crash")
    def crash():
        raise RuntimeError("boom")

    return app


@pytest.mark.parametrize("code", [400, 403, 404, 409, 413, 429])
def test_error_pages_render_in_the_layout(failing_app, code):
    response = failing_app.test_client().get(f"/test/abort/{code}")
    page = response.get_data(as_text=True)
    assert response.status_code == code
    assert "<html" in page and "Back to the hub" in page and 'role="alert"' in page


@pytest.mark.parametrize("code", [400, 403, 404, 409, 413, 429])
def test_error_pages_for_htmx_are_fragments_retargeted_to_the_message_area(failing_app, code):
    response = failing_app.test_client().get(f"/test/abort/{code}", headers={"HX-Request": "true"})
    body = response.get_data(as_text=True)
    assert response.status_code == code
    assert "<html" not in body and 'role="alert"' in body
    assert response.headers["HX-Retarget"] == "#flash"
    assert "HX-Request" in response.headers["Vary"]


def test_server_error_is_a_friendly_500(failing_app):
    failing_app.testing = False  # let the handler answer instead of re-raising
    response = failing_app.test_client().get("/test/crash")
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "Something went wrong on our side" in page and "boom" not in page


def test_domain_errors_map_to_their_status_with_the_message(failing_app):
    client = failing_app.test_client()
    forbidden = client.get("/test/forbidden")
    assert forbidden.status_code == 403
    assert "Only the author can edit this contract." in forbidden.get_data(as_text=True)
    assert client.get("/test/conflict").status_code == 409


def test_api_clients_get_json_errors(failing_app):
    client = failing_app.test_client()
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json["error"] == "Not found"
    response = client.get("/test/conflict", headers={"Accept": "application/json"})
    assert response.json == {"error": "Conflict", "message": "Ada claimed it first.", "status": 409}


def test_405_keeps_the_allow_header(client):
    response = client.delete("/healthz")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]


def test_too_large_body_is_413(app, client):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    response = client.post("/sign-in", data={"login": "x" * 5000, "password": "y"})
    assert response.status_code == 413
