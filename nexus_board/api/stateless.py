"""The JSON API and the mocks never use the session: no cookies read or set, so no CSRF.

The mocks are public; the API authenticates writes with personal access tokens only, so a
browser's cookies can never make it write (a cookie-authenticated unsafe request is simply
unauthenticated there). Skipping the session also keeps mock requests cheap.
"""

from flask import Flask
from flask.sessions import SecureCookieSessionInterface

from ..extensions import csrf

PREFIXES = ("/api/", "/mock/")


class SessionInterface(SecureCookieSessionInterface):
    """The usual signed-cookie session, except under PREFIXES: a null session there."""

    def open_session(self, app, request):
        if request.path.startswith(PREFIXES):
            return None  # Flask then uses a null session, which is never saved
        return super().open_session(app, request)


def configure(app: Flask, *blueprints) -> None:
    """Exempt the stateless blueprints from CSRF and give the app the session interface."""
    for blueprint in blueprints:
        csrf.exempt(blueprint)
    app.session_interface = SessionInterface()
