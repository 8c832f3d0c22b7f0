"""Reading an uploaded OpenAPI document: size, JSON or YAML, version, and the validator's word.

Nothing here follows a `$ref` outside the document: the web server never fetches a URL or
reads a file a user named.
"""

import json
from itertools import chain

import yaml
from jsonschema_path import SchemaPath
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
from referencing.exceptions import Unresolvable

from .. import json_values, yaml_values
from ..errors import Invalid
from ..limits import DOCUMENT_BYTES, DOCUMENT_DEPTH, DOCUMENT_VALUES

MAX_BYTES = DOCUMENT_BYTES
FIELD = "document"


class _LocalOnly:
    """Validators that resolve only references inside the document, and keep no instances.

    The library caches `iter_errors` per instance for the life of the process (a leak in a
    server); this runs the same checks uncached.
    """

    resolver_handlers: dict = {}

    def iter_errors(self):
        found = chain(
            self.schema_validator.iter_errors(self.schema), self.root_validator(self.schema_path)
        )
        for error in found:
            if not isinstance(error, OpenAPIValidationError):
                error = OpenAPIValidationError.create_from(error)
            yield error


class V30(_LocalOnly, OpenAPIV30SpecValidator):
    pass


class V31(_LocalOnly, OpenAPIV31SpecValidator):
    pass


def read(data: bytes) -> dict:
    """The document in `data`, checked; Invalid (on the `document` field) says what is wrong."""
    if len(data) > MAX_BYTES:
        raise _invalid(f"The file is {len(data) / 2**20:.1f} MB; import at most 1 MB.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _invalid("The file is not UTF-8 text: export JSON or YAML.") from None
    if not text.strip():
        raise _invalid("The document is empty.")
    parsed = _parse(text)
    try:  # before anything recursive walks it; NULs and lone surrogates in escapes too
        json_values.check(parsed, depth=DOCUMENT_DEPTH, values=DOCUMENT_VALUES)
    except json_values.Refused as error:
        raise _invalid(f"The document was refused: {error}") from None
    document = yaml_values.plain(parsed)
    if not isinstance(document, dict):
        raise _invalid(
            "This is not an OpenAPI document: it should be an object with openapi, info and paths."
        )
    validator = _validator_for(document)
    _refuse_outside_references(document)
    try:
        error = next(validator(SchemaPath.from_dict(document, handlers={})).iter_errors(), None)
    except Unresolvable as failure:
        raise _invalid(f"The reference #{failure.ref} points to nothing in the document.") from None
    except Exception as failure:  # a document so broken the validator trips over it
        raise _invalid(f"The document could not be checked: {str(failure)[:300]}") from None
    if error is not None:
        # The first paragraph: the rest is the validator's dump of the schema it used.
        message = error.message.split("\n\n", 1)[0]
        where = "/".join(str(part) for part in error.absolute_path)
        raise _invalid(
            f"Not a valid OpenAPI document: {message}" + (f" (at {where})" if where else "")
        )
    return document


def _parse(text: str):
    try:
        if text.lstrip().startswith(("{", "[")):
            return json.loads(text)
        return yaml_values.load(text)
    except json.JSONDecodeError as error:
        raise _invalid(
            f"Not valid JSON: line {error.lineno}, column {error.colno}: {error.msg}."
        ) from None
    except yaml.YAMLError as error:
        raise _invalid(yaml_values.problem(error)) from None
    except RecursionError:
        raise _invalid("The document is nested too deeply.") from None


def _validator_for(document: dict):
    version = str(document.get("openapi", ""))
    if version.startswith("3.0."):
        return V30
    if version.startswith("3.1."):
        return V31
    if "swagger" in document:
        raise _invalid(
            "This is a Swagger 2.0 document: import OpenAPI 3.0 or 3.1 (as drf-spectacular writes)."
        )
    if version:
        raise _invalid(f"OpenAPI {version} is not supported: import OpenAPI 3.0 or 3.1.")
    raise _invalid(
        "This is not an OpenAPI document: the openapi field (3.0.x or 3.1.x) is missing."
    )


def _refuse_outside_references(value) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                raise _invalid(
                    f"The document refers to {ref!r} outside itself: bundle it into one file first."
                )
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _invalid(message: str) -> Invalid:
    return Invalid("The OpenAPI document was not imported.", errors={FIELD: message})
