"""A project's API page (Swagger UI on the mock server), its OpenAPI downloads, the API docs."""

import json

import yaml
from flask import Response, request, url_for

from ..caching import generations, tag
from ..errors import NotFound
from ..gql.explorer import explorer_page
from ..rendering import render
from ..verify.queries import conformance
from . import bp
from .documents import project_document
from .lookup import get_project_or_404


@bp.get("/projects/<slug>/api")
def page(slug):
    project = get_project_or_404(slug)
    if project.is_graphql:
        return explorer_page(project)
    return render(
        "openapi/project.html",
        project=project,
        mock_url=mock_url(slug),
        spec_url=url_for("openapi.export_json", slug=slug),
        conformance=conformance(project.id),
    )


@bp.get("/docs/api")
def api_docs():
    """The JSON API's own document in Swagger UI, with how to get a token."""
    return render("openapi/docs.html")


@bp.get("/projects/<slug>/openapi.json")
def export_json(slug):
    return _download(slug, "json")


@bp.get("/projects/<slug>/openapi.yaml")
def export_yaml(slug):
    return _download(slug, "yaml")


def mock_url(slug: str) -> str:
    """The project's mock server, absolute (Swagger UI and downloaded files call it)."""
    return url_for("mocks.serve", slug=slug, path="", _external=True).rstrip("/")


def _download(slug: str, kind: str):
    if get_project_or_404(slug).is_graphql:
        raise NotFound("OpenAPI documents are for REST projects: this one's schema is GraphQL.")
    marks = generations("board")
    etag = tag(marks, request.host, slug, kind)
    if marks and request.if_none_match.contains_weak(etag):
        response = Response(status=304)
    else:
        doc = project_document(slug, mock_url(slug))
        if kind == "json":
            body, mimetype = json.dumps(doc, indent=2, ensure_ascii=False), "application/json"
        else:
            body = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
            mimetype = "application/yaml"
        response = Response(body, mimetype=mimetype)
        if request.args.get("download"):
            filename = f"{slug}.openapi.{kind}"
            response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    if marks:
        response.set_etag(etag, weak=True)
    response.headers["Cache-Control"] = "no-cache"
    # Public data: code generators on a frontend's dev server may fetch it.
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response
