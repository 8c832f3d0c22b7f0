"""Input refused at the door with a clear 4xx, before any view works on it.

- Bodies larger than their kind of route allows (`limits.BODY_BYTES`): 413, before reading them.
- NUL characters anywhere: PostgreSQL text cannot store NUL, XML cannot carry it, and no person
  types it. Refusing it once here keeps every form, query string and JSON body free of it.
- JSON bodies deeper, larger or stranger (lone surrogates) than `json_values` accepts: 400.
"""

from flask import Flask, Request, current_app, request
from werkzeug.datastructures import MultiDict

from . import json_values
from .errors import DomainError
from .limits import body_kind

REFUSED = "The request contains a NUL character, which no field can hold. Remove it and retry."


class _BoundedJSON:
    """The JSON module the request parses with: `json_values.loads`."""

    @staticmethod
    def loads(data, **_):
        return json_values.loads(data)


class GuardedRequest(Request):
    """Flask's request, with a body limit per kind of route, and JSON through `json_values`."""

    @property
    def json_module(self):
        return _BoundedJSON

    @json_module.setter
    def json_module(self, provider) -> None:
        """Flask hands every request the app's JSON provider; request bodies keep ours."""

    @property
    def max_content_length(self) -> int | None:
        """Werkzeug answers 413 past this, unread: it is known before any hook reads a form."""
        if self._max_content_length is not None or not current_app:
            return super().max_content_length
        route = current_app.config["BODY_LIMITS"][body_kind(self.path, self.endpoint)]
        ceiling = current_app.config["MAX_CONTENT_LENGTH"]
        return route if ceiling is None else min(route, ceiling)

    @max_content_length.setter
    def max_content_length(self, value: int | None) -> None:
        self._max_content_length = value

    def on_json_loading_failed(self, e: ValueError | None):
        if isinstance(e, json_values.Refused):
            raise DomainError(f"The request body was refused: {e}")
        return super().on_json_loading_failed(e)


def refuse_nul() -> None:
    if "\x00" in request.path:
        raise DomainError(REFUSED)
    for values in (request.args, request.form if request.method != "GET" else MultiDict()):
        for key, value in values.items(multi=True):
            if "\x00" in value or "\x00" in key:
                raise DomainError(REFUSED)


def register_input_guard(app: Flask) -> None:
    app.request_class = GuardedRequest
    app.before_request(refuse_nul)
