"""Each request's id: the one a trusted proxy sent in X-Request-ID, or one made here.

It is echoed in the response (so gunicorn's access log and the client see it) and stamped on
every log line written while the request runs.
"""

import re
import secrets

from flask import Flask, current_app, g, has_request_context, request
from werkzeug.wrappers import Response

HEADER = "X-Request-ID"
# nginx's $request_id is 32 hex digits; tracers send UUIDs. Anything else (or a header sent
# straight by a client, with no trusted proxy) is replaced, so it can never forge log lines.
ACCEPTED = re.compile(r"[A-Za-z0-9._:-]{8,128}")


def current() -> str | None:
    """This request's id (made on first use), or None outside a request."""
    if not has_request_context():
        return None
    if "request_id" not in g:
        given = request.headers.get(HEADER, "")
        trusted = current_app.config["TRUSTED_PROXIES"] > 0 and ACCEPTED.fullmatch(given)
        g.request_id = given if trusted else secrets.token_hex(16)
    return g.request_id


def _echo(response: Response) -> Response:
    response.headers[HEADER] = current()
    return response


def init_app(app: Flask) -> None:
    app.after_request(_echo)
