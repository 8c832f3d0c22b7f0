"""Response headers every page gets: a strict Content-Security-Policy and friends."""

from flask import Flask, Response, current_app

from .assets import CDN_ORIGIN


def content_security_policy() -> str:
    scripts = "'self'" + (f" {CDN_ORIGIN}" if current_app.config["HTMX_CDN"] else "")
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self'",
            "img-src 'self' data: https:",
            "connect-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "object-src 'none'",
        ]
    )


def add_headers(response: Response) -> Response:
    if response.mimetype == "text/html":
        response.headers.setdefault("Content-Security-Policy", content_security_policy())
        response.vary.add("HX-Request")  # any HTML URL may answer a page or a fragment
    elif response.mimetype == "image/svg+xml":
        # An SVG opened on its own is a document: ours need nothing, so they may load nothing.
        response.headers.setdefault("Content-Security-Policy", "default-src 'none'")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response


def register_headers(app: Flask) -> None:
    app.after_request(add_headers)
