"""Headers every response gets, whatever answered it: a view, an error handler, a redirect,
a 304 from the cache or a static file.

Our own after-request hook rather than Flask-Talisman: the policy differs by kind of response
(pages, and everything else: JSON, Atom, files), the hook is a few dictionary writes on the
mock server's hot path, and HTTPS redirects and cookie flags already live in the config and the
proxy. Talisman would add a second place for each of those.
"""

from flask import Flask, Response, current_app, g, request

from .assets import CDN_ORIGIN

# JSON, feeds, files: nothing in them may load or run anything, nor be framed.
DOCUMENT_POLICY = "default-src 'none'; frame-ancestors 'none'"
HSTS = "max-age=63072000; includeSubDomains"  # two years, once production is HTTPS only
PRIVATE = "private, no-store"
MACHINE_PATHS = ("/api/", "/mock/")  # JSON only, whatever an empty answer's type says


def content_security_policy() -> str:
    """The policy of an HTML page: our own files, and images from the Markdown image hosts."""
    config = current_app.config
    scripts = "'self'" + (f" {CDN_ORIGIN}" if config["HTMX_CDN"] else "")
    hosts = [f"https://{host}" for host in config["MARKDOWN_IMAGE_HOSTS"]]
    images = " ".join(["'self'", "data:", *hosts])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self'",
            f"img-src {images}",
            "connect-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "object-src 'none'",
        ]
    )


def add_headers(response: Response) -> Response:
    headers = response.headers
    if response.mimetype == "text/html" and not request.path.startswith(MACHINE_PATHS):
        headers.setdefault("Content-Security-Policy", content_security_policy())
        response.vary.add("HX-Request")  # any HTML URL may answer a page or a fragment
    else:
        headers.setdefault("Content-Security-Policy", DOCUMENT_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    if current_app.config["HSTS"]:
        headers.setdefault("Strict-Transport-Security", HSTS)
    if _signed_in() and request.endpoint != "static" and "ETag" not in headers:
        # Nothing a signed-in person saw may stay in a browser or proxy cache (Back after
        # signing out). Fragments that carry an ETag were tagged by `caching.cached_page`,
        # which already made them private and revalidated on every use.
        headers["Cache-Control"] = PRIVATE
    return response


def _signed_in() -> bool:
    """Whether this request ran as someone: read from what Flask-Login loaded, never loading it.

    (The API and the mocks never load a session user, so this costs them nothing.)
    """
    user = g.get("_login_user")
    return user is not None and user.is_authenticated


def register_headers(app: Flask) -> None:
    app.after_request(add_headers)
