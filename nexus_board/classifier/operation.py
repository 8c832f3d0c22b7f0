"""One version of one endpoint, as the classifier compares it: plain values only."""

import re
from dataclasses import dataclass, field
from datetime import date

PARAM = re.compile(r"\{[^{}]*\}")


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # "path", "query", "header"
    required: bool = False
    schema: dict | None = None  # None: any value


@dataclass(frozen=True)
class Operation:
    method: str  # "GET"
    path: str  # the template: /api/v1/products/{id}
    auth_required: bool = False
    deprecated: bool = False
    sunset: date | None = None
    parameters: tuple[Parameter, ...] = ()
    body: dict | None = None  # the request body's schema; None: it takes no body
    body_required: bool = False
    # status code -> the body's schema, or None for a response without a body
    responses: dict[int, dict | None] = field(default_factory=dict)
    components: dict = field(default_factory=dict)  # named schemas its $refs point at
    # What only documents it: summary, description, tags, "request" and status-code examples.
    docs: dict = field(default_factory=dict)

    @property
    def endpoint(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def path_key(self) -> str:
        """The path with its parameters unnamed: /items/{id} and /items/{pk} are one URL."""
        return PARAM.sub("{}", self.path)

    @property
    def path_params(self) -> list[str]:
        return [name[1:-1] for name in PARAM.findall(self.path)]
