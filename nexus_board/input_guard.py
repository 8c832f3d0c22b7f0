"""Input no field can hold: NUL characters, refused at the door with a clear 400.

PostgreSQL text cannot store NUL, XML cannot carry it, and no person types it. Refusing it once
here keeps every form, query string and JSON body free of it.
"""

from flask import Flask, request

from .errors import DomainError

REFUSED = "The request contains a NUL character, which no field can hold. Remove it and retry."


def refuse_nul() -> None:
    if "\x00" in request.path:
        raise DomainError(REFUSED)
    for values in (request.args, request.form if request.method != "GET" else {}):
        for value in values.values():
            if "\x00" in value:
                raise DomainError(REFUSED)
    if request.is_json and b"\\u0000" in request.get_data(cache=True):
        raise DomainError(REFUSED)


def register_input_guard(app: Flask) -> None:
    app.before_request(refuse_nul)
