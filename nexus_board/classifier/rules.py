"""Every rule the classifier knows: its id, its severity and the sentence it says."""

import enum
from dataclasses import dataclass


class Severity(enum.StrEnum):
    BREAKING = "breaking"
    POSSIBLY_BREAKING = "possibly_breaking"
    SAFE = "safe"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


B, P, S = Severity.BREAKING, Severity.POSSIBLY_BREAKING, Severity.SAFE

# id: (severity, sentence). {where} names the place ("request field lines[].quantity"); the
# other fields are filled by the rule that fires.
RULES: dict[str, tuple[Severity, str]] = {
    # The endpoint
    "endpoint.method-changed": (B, "The method changed from {old} to {new}: calls with {old} fail."),
    "endpoint.path-changed": (B, "The path changed from {old} to {new}: calls to the old path fail."),
    "endpoint.parameter-renamed": (S, "The path parameter {old} is now called {new}; the URL is the same."),
    "endpoint.deleted": (B, "The endpoint {old} was removed: every call to it fails."),
    "endpoint.added": (S, "The endpoint {new} was added."),
    "endpoint.deprecated": (S, "The endpoint is deprecated: plan to move off it."),
    "endpoint.sunset-set": (S, "The endpoint is to be removed on {new}."),
    "endpoint.sunset-passed": (B, "Its sunset date, {new}, has passed: it may be removed at any time."),
    # What a client sends
    "request.auth-required": (B, "Authentication is now required: calls without a token are refused."),
    "request.auth-removed": (S, "Authentication is no longer required."),
    "request.body-required": (B, "A request body is now required: calls without one are refused."),
    "request.body-added": (S, "The endpoint now takes an optional request body."),
    "request.body-removed": (P, "The endpoint no longer reads a request body: what clients send is ignored."),
    "request.parameter-required-added": (B, "The new {where} is required: calls without it are refused."),
    "request.parameter-added": (S, "The new optional {where} was added."),
    "request.parameter-became-required": (B, "The {where} is now required: calls without it are refused."),
    "request.parameter-became-optional": (S, "The {where} is now optional."),
    "request.parameter-removed": (P, "The {where} was removed: clients that send it may be refused or ignored."),
    "request.property-required-added": (B, "The new {where} is required: requests without it are refused."),
    "request.property-added": (S, "The new optional {where} was added."),
    "request.property-became-required": (B, "The {where} is now required: requests without it are refused."),
    "request.property-became-optional": (S, "The {where} is now optional."),
    "request.property-removed": (P, "The {where} was removed: clients that still send it may be refused."),
    "request.type-changed": (B, "The {where} changed from {old} to {new}: values clients send now are refused."),
    "request.type-narrowed": (B, "The {where} no longer accepts {old}: it takes {new} only."),
    "request.type-widened": (S, "The {where} now also accepts {new}."),
    "request.enum-value-removed": (B, "The {where} no longer accepts {old}."),
    "request.enum-added": (B, "The {where} now accepts only {new}."),
    "request.enum-value-added": (S, "The {where} now also accepts {new}."),
    "request.max-length-lowered": (B, "The {where} now takes at most {new} characters (was {old})."),
    "request.min-length-raised": (B, "The {where} now needs at least {new} characters (was {old})."),
    "request.maximum-lowered": (B, "The {where} now must be at most {new} (was {old})."),
    "request.minimum-raised": (B, "The {where} now must be at least {new} (was {old})."),
    "request.max-items-lowered": (B, "The {where} now takes at most {new} items (was {old})."),
    "request.min-items-raised": (B, "The {where} now needs at least {new} items (was {old})."),
    "request.pattern-added": (B, "The {where} must now match the pattern {new}."),
    "request.pattern-changed": (P, "The {where} must now match {new} instead of {old}."),
    "request.format-added": (B, "The {where} must now be a valid {new}."),
    "request.format-changed": (B, "The {where} must now be a valid {new} instead of {old}."),
    "request.additional-properties-closed": (B, "The {where} now refuses fields it does not list."),
    "request.option-removed": (B, "The {where} no longer accepts the {old} form."),
    "request.option-added": (S, "The {where} now also accepts another form."),
    "request.constraint-loosened": (S, "The {where} accepts more than before ({new})."),
    # What a client receives
    "response.success-status-changed": (B, "The success status changed from {old} to {new}: clients checking for {old} fail."),
    "response.success-status-removed": (B, "The success response {old} was removed."),
    "response.error-status-removed": (P, "The documented {old} response was removed: clients handling it will not see it, and that case now answers some other way."),
    "response.status-added": (S, "The new response {new} was added."),
    "response.body-removed": (B, "Response {old} no longer has a body."),
    "response.body-added": (S, "Response {new} now has a body."),
    "response.required-property-removed": (B, "The {where} was removed: clients reading it break."),
    "response.optional-property-removed": (P, "The optional {where} was removed: clients reading it get nothing."),
    "response.property-added": (S, "The new {where} was added."),
    "response.property-became-optional": (P, "The {where} may now be missing: clients reading it must check."),
    "response.type-changed": (B, "The {where} changed from {old} to {new}: clients reading it break."),
    "response.type-narrowed": (S, "The {where} is now always {new}."),
    "response.nullable-added": (P, "The {where} may now be null: clients reading it must check."),
    "response.enum-value-added": (P, "The {where} may now be {new}: clients that handle each value must handle it."),
    "response.enum-value-removed": (S, "The {where} is never {old} any more."),
    "response.enum-removed": (P, "The {where} is no longer limited to its listed values."),
    "response.option-added": (P, "The {where} may now come in another form."),
    "response.option-removed": (S, "The {where} no longer comes in the {old} form."),
    "response.constraint-loosened": (P, "The {where} may now be larger or different than before ({new})."),
    # Words and examples only
    "docs.summary": (S, "The summary changed."),
    "docs.description": (S, "The description changed."),
    "docs.tags": (S, "The tags changed."),
    "docs.example": (S, "The {where} example changed."),
    # GraphQL operations (a new schema version, or an edit of the operation)
    "graphql.operation-invalid": (B, "Schema version {new} breaks the operation: {old}"),
    "graphql.field-deprecated": (P, "The operation uses {where}, now deprecated: {new}"),
    "graphql.document-changed": (P, "The operation's document changed: check what your client selects and sends."),
    # When the classifier stops
    "schema.too-large": (P, "The schemas are too large to compare in full: check {where} by hand."),
}  # fmt: skip


@dataclass(frozen=True)
class Change:
    rule: str
    severity: Severity
    location: str  # "request.body.lines[].quantity", "response.200.status", "endpoint"
    sentence: str
    endpoint: str = ""  # "GET /api/products/{id}" when comparing whole documents

    def as_dict(self) -> dict:
        found = {"rule": self.rule, "severity": str(self.severity), "location": self.location,
                 "sentence": self.sentence}  # fmt: skip
        return found | ({"endpoint": self.endpoint} if self.endpoint else {})

    @classmethod
    def from_dict(cls, data: dict) -> "Change":
        return cls(data["rule"], Severity(data["severity"]), data["location"], data["sentence"],
                   data.get("endpoint", ""))  # fmt: skip


def make(rule: str, location: str, *, old="", new="") -> Change:
    severity, sentence = RULES[rule]
    text = sentence.format(where=describe(location), old=_shown(old), new=_shown(new))
    return Change(rule, severity, location, text[:1].upper() + text[1:])


def describe(location: str) -> str:
    """How a sentence names a location: "request field lines[].quantity", "query parameter page"."""
    area, _, rest = location.partition(".")
    if area == "request":
        path = rest.removeprefix("body").lstrip(".")
        return f"request field {path}" if path else "request body"
    if area == "response":
        code, _, path = rest.partition(".")
        return f"field {path} of response {code}" if path else f"body of response {code}"
    if area == "parameter":
        where, _, name = rest.partition(".")
        return f"{where} parameter {name}"
    return location


def ordered(changes: list[Change]) -> list[Change]:
    """Most severe first, in the order found within a severity."""
    return sorted(changes, key=lambda change: change.severity.rank)


def most_severe(changes) -> Severity | None:
    ranks = [change.severity for change in changes]
    return min(ranks, key=lambda severity: severity.rank) if ranks else None


def _shown(value) -> str:
    text = str(value)
    return text if len(text) <= 80 else text[:79] + "…"
