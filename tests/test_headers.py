"""Security headers on every kind of response, and no signed-in page left in a cache."""

import pytest

from nexus_board.headers import DOCUMENT_POLICY

from .board.conftest import contract  # noqa: F401  (fixture)
from .contracts_as_code import bearer, make_token

COMMON = {"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY"}


def assert_secured(response, *, html: bool) -> None:
    for name, value in COMMON.items():
        assert response.headers[name] == value, name
    assert response.headers["Referrer-Policy"] == "same-origin"
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    if html:
        assert "script-src 'self'" in policy and "object-src 'none'" in policy
    else:
        assert policy == DOCUMENT_POLICY


# (method, path, expected status, HTML?) — a sample of every kind the app answers.
KINDS = [
    ("GET", "/", 200, True),  # a cached public page
    ("GET", "/sign-in", 200, True),
    ("GET", "/healthz", 200, False),  # JSON
    ("GET", "/api/v1/contracts", 200, False),
    ("GET", "/api/v1/nope", 404, False),  # a JSON error
    ("GET", "/docs/api", 200, True),  # Swagger UI
    ("GET", "/updates.atom", 200, False),  # Atom
    ("GET", "/static/css/app.css", 200, False),  # a static file
    ("GET", "/static/favicon.svg", 200, False),
    ("GET", "/no-such-page", 404, True),  # an HTML error
    ("GET", "/settings", 302, True),  # a redirect to sign in
    ("POST", "/updates", 302, True),
    ("GET", "/mock/nope/x", 404, False),
    ("OPTIONS", "/api/v1/contracts", 200, False),
]


@pytest.mark.parametrize(("method", "path", "status", "html"), KINDS)
def test_every_kind_of_response_carries_the_headers(client, method, path, status, html):
    response = client.open(path, method=method)
    response.close()  # static files are streamed
    assert response.status_code == status
    assert_secured(response, html=html and response.mimetype == "text/html")


def test_mock_answers_and_304s_carry_them(client, contract):  # noqa: F811
    contract()
    response = client.get("/mock/e-commerce-api/api/v1/products/42")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert_secured(response, html=False)
    page = client.get("/")
    again = client.get("/", headers={"If-None-Match": page.headers["ETag"]})
    assert again.status_code == 304
    for name, value in COMMON.items():
        assert again.headers[name] == value
    assert "frame-ancestors 'none'" in again.headers["Content-Security-Policy"]


def test_a_server_error_carries_them(app, client):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/test/boom")
    def boom():
        raise RuntimeError("boom")

    response = client.get("/test/boom")
    assert response.status_code == 500
    assert_secured(response, html=True)


def test_hsts_in_production_only(make_app):
    assert "Strict-Transport-Security" not in make_app().test_client().get("/").headers
    production = make_app(HSTS=True).test_client().get("/healthz")
    assert production.headers["Strict-Transport-Security"].startswith("max-age=63072000")


def test_signed_in_pages_are_private_and_never_stored(signed_in):
    for path in ("/", "/board", "/settings", "/u/learner", "/updates"):
        response = signed_in.get(path)
        assert response.headers["Cache-Control"] == "private, no-store", path
    static = signed_in.get("/static/css/app.css")
    static.close()
    assert "no-store" not in static.headers.get("Cache-Control", "")


def test_anonymous_pages_stay_cacheable_with_etags(client):
    first = client.get("/learners")
    assert first.headers["Cache-Control"] == "no-cache" and first.headers["ETag"]
    again = client.get("/learners", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_signed_in_fragments_keep_their_etag_and_304(signed_in):
    htmx = {"HX-Request": "true"}
    first = signed_in.get("/updates", headers=htmx)
    assert first.status_code == 200 and first.headers.get("ETag")
    assert "no-cache" in first.headers["Cache-Control"]
    again = signed_in.get("/updates", headers=htmx | {"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_the_page_policy_allows_images_only_from_the_markdown_hosts(make_app):
    app = make_app(MARKDOWN_IMAGE_HOSTS=("images.example.org",))
    policy = app.test_client().get("/").headers["Content-Security-Policy"]
    assert "img-src 'self' data: https://images.example.org;" in policy
    assert " https:;" not in policy and "githubusercontent" not in policy


def test_api_token_writes_are_not_marked_signed_in_pages(app, make_user):
    ada = make_user("ada")
    response = app.test_client().get("/api/v1/me", headers=bearer(make_token(app, ada)))
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    assert_secured(response, html=False)
